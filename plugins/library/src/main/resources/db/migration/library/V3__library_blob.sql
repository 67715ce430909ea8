-- The database file store (setting store = database): each file's bytes in chunks of at most 1 MB under its key
-- ("db-" and a random UUID, kept in library_version.storage_key/preview_key), so that every node sharing the database
-- reaches them and no file is ever held in memory whole. BYTEA is PostgreSQL's type and an H2 alias of VARBINARY.
CREATE TABLE library_blob (
    blob_key VARCHAR(64) NOT NULL,
    seq      INTEGER     NOT NULL,
    bytes    BYTEA       NOT NULL,
    PRIMARY KEY (blob_key, seq)
);
