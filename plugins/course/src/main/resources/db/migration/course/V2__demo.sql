-- Demo content: the course 'Social media in policing', with sections that follow public police training.
INSERT INTO course_category (name, description, sort_order) VALUES ('Police training', 'Courses for police officers on the use of social media.', 1);
INSERT INTO course_course (category_id, fullname, shortname, summary, lang, visible, start_date, end_date, self_enrol, enrol_key, created_at)
  SELECT id, 'Social media in policing', 'SMP101', 'How police forces use social media to prevent and solve crime: strategy, law, communication, crowdsourcing, crisis communication, investigation and ethics.', 'en', TRUE, NULL, NULL, TRUE, NULL, CURRENT_TIMESTAMP FROM course_category WHERE name = 'Police training';
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 0, 'The social-media landscape and adoption', 'Which platforms the public uses, how police forces across Europe adopted them, and what the COMPOSITE project found.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Police forces across Europe use social media at very different levels of maturity: some only push press releases, others run community teams on several platforms.

This section looks at the platforms people use, at the stages of adoption described by the COMPOSITE project, and at what holds forces back: rules, skills, culture and resources.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: The social-media landscape and adoption', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 0;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 1, 'Strategy, policy, law and data protection', 'A social-media strategy, the rules officers follow, and the law that applies.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('A force needs a strategy that says why it uses social media, who may post, and how it measures success.

Officers need a policy for official and private accounts. Data-protection law (the GDPR and the Law Enforcement Directive in the EU) governs what may be collected and kept.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Strategy, policy, law and data protection', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 1;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 2, 'The official voice: pushing information', 'Informing the public: news, warnings, prevention campaigns.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Social media lets police speak to the public directly: warnings, prevention advice, road closures and news.

Good posts are short, accurate, timely and written in plain language.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: The official voice: pushing information', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 2;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 3, 'Crowdsourcing and public appeals', 'Asking the public for help: witnesses, missing persons, suspects.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Appeals for witnesses and missing persons reach more people, faster, on social media.

Appeals need care: identify people lawfully, correct or remove posts when a case is solved, and moderate comments.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Crowdsourcing and public appeals', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 3;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 4, 'Interaction, community policing and the human side', 'Dialogue with citizens and the officers behind the uniform.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Community officers who answer questions and show their daily work build trust.

The human side works when it stays professional: humour helps, but never at a victim''s expense.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Interaction, community policing and the human side', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 4;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 5, 'Crisis communication and rumour control', 'Large incidents, emergencies and misinformation.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('In a crisis, the public looks to the police first. Post early, post often, and say what you do not know yet.

Correct rumours quickly and link to one trusted source.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Crisis communication and rumour control', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 5;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 6, 'Open-source intelligence, investigation and preserving evidence', 'Using public information lawfully, and keeping it as evidence.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Public posts can help investigations, within the limits of the law and of the force''s authorisation rules.

Evidence from social media must be captured with its context, time and source, and kept so that a court can trust it.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Open-source intelligence, investigation and preserving evidence', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 6;
INSERT INTO course_section (course_id, position, title, summary) SELECT id, 7, 'Ethics: privacy, vigilantism and tone', 'Where the limits are, and how to keep the public''s trust.' FROM course_course WHERE shortname = 'SMP101';
INSERT INTO course_page (body) VALUES ('Publishing images of suspects, engaging with online vigilantes, or joking about crime all carry risks.

This section discusses cases where forces got it right and wrong, and the principles that follow.');
INSERT INTO course_activity (course_id, section_id, position, type, instance_id, name, hidden, tracked)
  SELECT c.id, s.id, 0, 'page', (SELECT MAX(id) FROM course_page), 'Reading: Ethics: privacy, vigilantism and tone', FALSE, TRUE
  FROM course_course c JOIN course_section s ON s.course_id = c.id WHERE c.shortname = 'SMP101' AND s.position = 7;
