-- General feedback of a question (shown in the review whatever was answered).
ALTER TABLE quiz_question ADD COLUMN general_feedback VARCHAR(20000) DEFAULT '' NOT NULL;
