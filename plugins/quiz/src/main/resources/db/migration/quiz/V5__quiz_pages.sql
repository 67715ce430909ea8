-- Questions per page (0: all on one page), free or sequential navigation, and shuffled question order. An attempt
-- fixes its layout when it starts (slots in the order shown, pages separated by '|'), so resuming and the review show
-- the same order whatever the quiz's settings become; current_page is the page a sequential attempt has reached.
ALTER TABLE quiz_quiz ADD COLUMN per_page INT DEFAULT 0 NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN navigation VARCHAR(16) DEFAULT 'free' NOT NULL;
ALTER TABLE quiz_quiz ADD COLUMN shuffle BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE quiz_attempt ADD COLUMN layout VARCHAR(4000);
ALTER TABLE quiz_attempt ADD COLUMN current_page INT DEFAULT 1 NOT NULL;
