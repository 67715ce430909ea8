-- The course plugin's own flags. demo.enrolled: whether the demo accounts were enrolled in the demo course once.
CREATE TABLE course_setting (
    name          VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
INSERT INTO course_setting (name, setting_value) VALUES ('demo.enrolled', 'no');
