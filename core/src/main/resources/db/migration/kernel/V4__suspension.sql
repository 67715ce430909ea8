-- A suspended account cannot sign in, and its sessions and tokens stop working at the next request.
ALTER TABLE kernel_user ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;
