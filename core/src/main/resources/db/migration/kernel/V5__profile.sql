-- What a user tells about themselves on their profile.
ALTER TABLE kernel_user ADD COLUMN email VARCHAR(255);
ALTER TABLE kernel_user ADD COLUMN country VARCHAR(2);
ALTER TABLE kernel_user ADD COLUMN organisation VARCHAR(255);
ALTER TABLE kernel_user ADD COLUMN lang VARCHAR(5);
ALTER TABLE kernel_user ADD COLUMN timezone VARCHAR(64);
