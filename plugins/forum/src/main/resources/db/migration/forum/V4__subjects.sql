-- Forums and discussions about things other plugins own (see eu.somep.course.spi.SubjectDiscussions): subject is the plugin's component
-- for its site forum (discussion_id NULL), or component:key for the discussion about one thing. Deleting either
-- deletes the record, so the next request starts afresh.
CREATE TABLE forum_subject (
    subject       VARCHAR(255) PRIMARY KEY,
    forum_id      BIGINT NOT NULL REFERENCES forum_forum(id) ON DELETE CASCADE,
    discussion_id BIGINT REFERENCES forum_discussion(id) ON DELETE CASCADE
);
