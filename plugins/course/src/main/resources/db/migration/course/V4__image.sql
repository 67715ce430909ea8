-- A course's image (PNG, JPEG or WebP, checked by content, at most 2 MB). image_type on the course says whether it has one.
ALTER TABLE course_course ADD COLUMN image_type VARCHAR(32);
CREATE TABLE course_image (
    course_id BIGINT PRIMARY KEY REFERENCES course_course(id) ON DELETE CASCADE,
    bytes     BYTEA NOT NULL
);
