-- How each user arranges the blocks of a place (dashboard, home): order and hidden. No row: the block's default.
CREATE TABLE kernel_block_pref (
    user_id  BIGINT      NOT NULL REFERENCES kernel_user(id) ON DELETE CASCADE,
    place    VARCHAR(16) NOT NULL,
    block_id VARCHAR(100) NOT NULL,
    position INT         NOT NULL,
    hidden   BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, place, block_id)
);
