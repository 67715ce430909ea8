-- Demo content: a question bank and a quiz on the nine COMPOSITE categories of police social-media use, in the demo
-- course SMP101 when it exists. The cases are short scenarios written by the project after the categories of the
-- COMPOSITE report (Denef, Kaptein, Bayerl, Ramirez 2012). Answers: fraction, tolerance, text, feedback, match (tab-separated).
INSERT INTO quiz_category (course_id, name) SELECT id, 'COMPOSITE categories' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 1: Social media as a source of criminal information', 'Which COMPOSITE category does this case belong to? A detective looks through a suspect''s public profile and photos to find out where a stolen car was sold.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media as a source of criminal information	Reading what is public is a routine first step; private messages need the platform and a legal order.	
0.0	0.0	Social media to leverage the wisdom of the crowd		
0.0	0.0	Social media for efficient policing		
0.0	0.0	Having a voice in social media		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 2: Having a voice in social media', 'Which COMPOSITE category does this case belong to? A force with no account of its own finds unofficial ''police'' pages giving wrong advice, and opens one official, recognisable account.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Having a voice in social media	Where the police are absent, others speak for them: an official account is the basis for everything else.	
0.0	0.0	Social media to push information		
0.0	0.0	Social media to show the human side of policing		
0.0	0.0	Social media to leverage the wisdom of the crowd		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 3: Social media to push information', 'Which COMPOSITE category does this case belong to? During a storm the force posts road closures and safety advice straight to residents, without waiting for the press.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media to push information	Direct channels reach people quickly in a crisis and help to stop rumours.	
0.0	0.0	Social media to interact with the public		
0.0	0.0	Social media to support police IT infrastructure		
0.0	0.0	Social media to leverage the wisdom of the crowd		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 4: Social media to leverage the wisdom of the crowd', 'Which COMPOSITE category does this case belong to? Officers post CCTV stills of a robbery and ask the public to help name the suspect.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media to leverage the wisdom of the crowd	Appeals solve cases, but verification stays with the police, and the volume of replies must be planned for.	
0.0	0.0	Social media as a source of criminal information		
0.0	0.0	Social media for community policing		
0.0	0.0	Social media to show the human side of policing		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 5: Social media to interact with the public', 'Which COMPOSITE category does this case belong to? An officer replies to citizens'' questions under a post and politely corrects a misunderstanding about a new law.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media to interact with the public	Dialogue builds the trust a force needs when a crisis comes.	
0.0	0.0	Social media to push information		
0.0	0.0	Having a voice in social media		
0.0	0.0	Social media to support police IT infrastructure		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 6: Social media for community policing', 'Which COMPOSITE category does this case belong to? A neighbourhood officer runs a local account, shares prevention tips for the area and asks residents what worries them.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media for community policing	A named local officer online is easier to recognise and to approach.	
0.0	0.0	Social media to show the human side of policing		
0.0	0.0	Social media to interact with the public		
0.0	0.0	Social media for efficient policing		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 7: Social media to show the human side of policing', 'Which COMPOSITE category does this case belong to? A motorway unit posts about an ordinary night shift, with a photo of the team and a light-hearted caption.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media to show the human side of policing	Informal posts by officers draw large audiences; guidance works better than a ban.	
0.0	0.0	Social media for community policing		
0.0	0.0	Having a voice in social media		
0.0	0.0	Social media as a source of criminal information		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 8: Social media to support police IT infrastructure', 'Which COMPOSITE category does this case belong to? When the force''s website fails under traffic during a major incident, its updates move to a large platform that can carry the load.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media to support police IT infrastructure	Platforms carry peaks that police servers cannot; set up backup channels before the crisis.	
0.0	0.0	Social media to push information		
0.0	0.0	Social media for efficient policing		
0.0	0.0	Having a voice in social media		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'multichoice', 'COMPOSITE 9: Social media for efficient policing', 'Which COMPOSITE category does this case belong to? Residents can report a minor theft in an online chat instead of phoning or waiting for an officer to visit.', 'single	true
shuffle	true
case	false
', '1.0	0.0	Social media for efficient policing	Online contact can save officer time; measure the savings to justify it.	
0.0	0.0	Social media to support police IT infrastructure		
0.0	0.0	Social media to interact with the public		
0.0	0.0	Social media to push information		
', 'The COMPOSITE report sorts police uses of social media into nine categories; a force can combine several of them.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'truefalse', 'COMPOSITE: what kind of report', 'The COMPOSITE report on police social media describes a step-by-step maturity model that every force should climb.', 'single	true
shuffle	true
case	false
', '0.0	0.0	true		
1.0	0.0	false	Right: it calls itself a modular toolset, and forces pick the parts that suit them.	
', 'COMPOSITE (an FP7 project, 2010-2014) compared police forces in ten European countries.', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
INSERT INTO quiz_question (category_id, family_id, version, latest, qtype, name, text, options, answers, general_feedback, created_at)
  SELECT (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories'), NULL, 1, TRUE, 'matching', 'COMPOSITE: lessons', 'Match each lesson with the category it comes from.', 'single	true
shuffle	true
case	false
', '0.0	0.0	Keep verification with the police, and be ready for the volume of tips.		Social media to leverage the wisdom of the crowd
0.0	0.0	Set up backup accounts before a crisis.		Social media to support police IT infrastructure
0.0	0.0	Trust built through dialogue pays off in a crisis.		Social media to interact with the public
0.0	0.0			Social media to show the human side of policing
', '', CURRENT_TIMESTAMP FROM course_course WHERE shortname = 'SMP101';
UPDATE quiz_question SET family_id = id WHERE family_id IS NULL;
INSERT INTO quiz_quiz (activity_id, intro, open_at, close_at, time_limit, attempts, grading, pass_grade, max_grade, overdue, grace, review_responses, review_marks, review_feedback, review_answers, feedback)
  SELECT NULL, 'Eleven questions on the nine COMPOSITE categories: how police forces use social media, and what they learnt. Twenty minutes; you may try as often as you like, and your best grade counts.', NULL, NULL, 1200, 0, 'highest', 60, 100, 'autosubmit', 0, 'after', 'after', 'after', 'after', '0 | Read the section on the COMPOSITE categories again, then try once more.
60 | Well done: you know the categories.
90 | Excellent: you could teach this.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 1, 'quiz', (SELECT MAX(id) FROM quiz_quiz), 'Quiz: the nine COMPOSITE categories', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 0;
UPDATE quiz_quiz SET activity_id = (SELECT MAX(id) FROM course_activity WHERE type = 'quiz') WHERE id = (SELECT MAX(id) FROM quiz_quiz) AND activity_id IS NULL
  AND EXISTS (SELECT 1 FROM course_course WHERE shortname = 'SMP101');
INSERT INTO quiz_slot (quiz_id, slot, family_id, mark)
  SELECT (SELECT MAX(id) FROM quiz_quiz), ROW_NUMBER() OVER (ORDER BY id), id, 1 FROM quiz_question WHERE category_id = (SELECT MAX(id) FROM quiz_category WHERE name = 'COMPOSITE categories');
