-- What happens when time runs out, the grace period (seconds), review options (after, closed, never) and overall
-- feedback by grade band. Attempt states are now inprogress, overdue, finished and abandoned.
ALTER TABLE quiz_quiz ADD COLUMN overdue VARCHAR(16) DEFAULT 'autosubmit' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN grace INT DEFAULT 0 NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN review_responses VARCHAR(16) DEFAULT 'after' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN review_marks VARCHAR(16) DEFAULT 'after' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN review_feedback VARCHAR(16) DEFAULT 'after' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN review_answers VARCHAR(16) DEFAULT 'after' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN feedback VARCHAR(20000) DEFAULT '' NOT NULL;
CREATE INDEX quiz_attempt_due ON quiz_attempt (state, deadline);
