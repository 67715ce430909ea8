-- Self-registration: an account is 'active', 'unconfirmed' (its e-mail address not yet confirmed) or 'pending'
-- (confirmed, waiting for an administrator's approval). Only active accounts sign in.
ALTER TABLE kernel_user ADD COLUMN status VARCHAR(16) DEFAULT 'active' NOT NULL;
ALTER TABLE kernel_user ADD COLUMN created_ip VARCHAR(64);

-- Single-use secrets sent by e-mail (confirmation and password-reset links), stored only as SHA-256 hashes.
CREATE TABLE kernel_user_secret (
    secret_hash VARCHAR(64) PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES kernel_user(id) ON DELETE CASCADE,
    purpose     VARCHAR(16) NOT NULL,
    expires_at  TIMESTAMP   NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX kernel_user_secret_user ON kernel_user_secret(user_id, purpose);

-- Site settings an administrator changes at runtime (the registration mode, ...), shared by every node.
CREATE TABLE kernel_setting (
    name          VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
INSERT INTO kernel_setting (name, setting_value) VALUES ('registration', 'open');

-- Personal API tokens may expire.
ALTER TABLE kernel_token ADD COLUMN expires_at TIMESTAMP;
