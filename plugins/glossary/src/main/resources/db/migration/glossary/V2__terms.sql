-- The first terms, in English, Turkish and German. Ids 1-6 are taken here; new terms get theirs from the identity.
INSERT INTO glossary_term (id, author_id, created_at) VALUES
    (1, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00'),
    (2, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00'),
    (3, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00'),
    (4, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00'),
    (5, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00'),
    (6, NULL, TIMESTAMP WITH TIME ZONE '2026-11-25 00:00:00+00');
ALTER TABLE glossary_term ALTER COLUMN id RESTART WITH 100;
INSERT INTO glossary_translation (term_id, lang, name, definition) VALUES
    (1, 'en', 'Doxxing', 'Publishing someone''s private details (address, workplace, family) online to expose or threaten them. Officers are frequent targets.'),
    (1, 'tr', 'Doxxing (ifşa etme)', 'Bir kişiyi teşhir etmek ya da tehdit etmek için özel bilgilerini (adres, iş yeri, aile) internette yayımlamak. Polisler sık hedef olur.'),
    (1, 'de', 'Doxing', 'Das Veröffentlichen privater Angaben einer Person (Adresse, Arbeitsplatz, Familie), um sie bloßzustellen oder zu bedrohen. Polizeibeamte sind häufig Ziel.'),
    (2, 'en', 'OSINT', 'Open-source intelligence: information gathered lawfully from public sources such as social networks, forums and news.'),
    (2, 'tr', 'OSINT (açık kaynak istihbaratı)', 'Sosyal ağlar, forumlar ve haberler gibi herkese açık kaynaklardan yasal yollarla toplanan bilgi.'),
    (2, 'de', 'OSINT', 'Open-Source-Intelligence: rechtmäßig aus öffentlichen Quellen wie sozialen Netzwerken, Foren und Nachrichten gewonnene Informationen.'),
    (3, 'en', 'Deepfake', 'Video, image or audio made or altered by software so that a person seems to say or do what they never did.'),
    (3, 'tr', 'Deepfake (derin sahte)', 'Bir kişinin hiç söylemediği ya da yapmadığı bir şeyi yapıyormuş gibi göründüğü, yazılımla üretilmiş veya değiştirilmiş video, görüntü ya da ses.'),
    (3, 'de', 'Deepfake', 'Mit Software erzeugtes oder verändertes Video, Bild oder Audio, in dem eine Person scheinbar sagt oder tut, was sie nie gesagt oder getan hat.'),
    (4, 'en', 'Social bot', 'An account run by software that posts, likes and shares automatically, often to make a message look more popular than it is.'),
    (4, 'tr', 'Sosyal bot', 'Bir mesajı olduğundan daha popüler göstermek için çoğu zaman otomatik olarak paylaşım yapan, beğenen ve yayan, yazılımla yönetilen hesap.'),
    (4, 'de', 'Social Bot', 'Ein von Software gesteuertes Konto, das automatisch postet, liket und teilt, oft um eine Botschaft beliebter erscheinen zu lassen, als sie ist.'),
    (5, 'en', 'Troll', 'A user who posts provocative or offensive content to disrupt a discussion or to provoke a reaction, for example from a police account.'),
    (5, 'tr', 'Trol', 'Bir tartışmayı bozmak ya da örneğin bir polis hesabından tepki almak için kışkırtıcı veya saldırgan içerik paylaşan kullanıcı.'),
    (5, 'de', 'Troll', 'Ein Nutzer, der provozierende oder beleidigende Inhalte postet, um eine Diskussion zu stören oder eine Reaktion zu provozieren, etwa von einem Polizeikonto.'),
    (6, 'en', 'Hashtag', 'A word or phrase after a # sign that groups posts on one subject; police use them to reach people during an incident.'),
    (6, 'tr', 'Hashtag (etiket)', 'Bir konudaki paylaşımları bir araya getiren, # işaretinden sonra yazılan sözcük ya da ifade; polis bir olay sırasında insanlara ulaşmak için kullanır.'),
    (6, 'de', 'Hashtag', 'Ein Wort oder eine Wendung nach dem Zeichen #, die Beiträge zu einem Thema bündelt; die Polizei erreicht damit bei Einsätzen die Menschen.');
