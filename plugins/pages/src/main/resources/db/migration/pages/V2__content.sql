-- The pages of the original SOMEP site, in English, Turkish and German. Administrators edit them afterwards.
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('home', 'en', 'Solving Crime Through Social Media', 'SOMEP is a virtual vocational training platform for police officers. It shows how police forces use social media to prevent crime, to inform and talk with the public, and to find and catch offenders.

Many documents on social media and policing can be read here without an account. Sign in to take courses, join the forum and test what you have learned.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('home', 'tr', 'Sosyal Medya ile Suç Çözme', 'SOMEP, polis memurları için sanal bir mesleki eğitim platformudur. Polis teşkilatlarının suçu önlemek, halkı bilgilendirmek ve halkla iletişim kurmak, failleri bulup yakalamak için sosyal medyayı nasıl kullandığını gösterir.

Sosyal medya ve polislik üzerine pek çok belgeyi burada üyelik olmadan okuyabilirsiniz. Kurslara katılmak, foruma katılmak ve öğrendiklerinizi sınamak için giriş yapın.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('home', 'de', 'Verbrechensaufklärung mit sozialen Medien', 'SOMEP ist eine virtuelle Plattform für die berufliche Fortbildung von Polizeibeamtinnen und -beamten. Sie zeigt, wie Polizeien soziale Medien nutzen, um Straftaten vorzubeugen, die Öffentlichkeit zu informieren, mit ihr ins Gespräch zu kommen und Täter zu ermitteln.

Viele Dokumente zu sozialen Medien und Polizeiarbeit können Sie hier ohne Anmeldung lesen. Melden Sie sich an, um Kurse zu belegen, im Forum mitzudiskutieren und Ihr Wissen zu prüfen.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('about', 'en', 'About SOMEP', 'SOMEP is a platform for training police officers in the use of social media, for crime prevention and for criminal apprehension. It was built in a Leonardo da Vinci Transfer of Innovation project that ran from November 2013 to April 2015.

The project surveyed training needs in Turkey, Germany and Austria, wrote country reports, and built an e-learning module, a database of links and documents, and a forum. More than 200 officers tested it in pilots.

Its topics include prevention, information and communication with citizens, averting danger, crime prevention and intelligence gathering, with the opportunities and the risks each brings. The platform speaks English, Turkish and German, and is meant for officers and candidates of every rank.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('about', 'tr', 'SOMEP Hakkında', 'SOMEP, polis memurlarını suçun önlenmesi ve suçluların yakalanması amacıyla sosyal medyayı kullanma konusunda eğiten bir platformdur. Kasım 2013 ile Nisan 2015 arasında yürütülen bir Leonardo da Vinci Yenilik Transferi projesiyle geliştirilmiştir.

Proje, Türkiye, Almanya ve Avusturya''daki eğitim ihtiyaçlarını araştırdı, ülke raporları hazırladı; bir e-öğrenme modülü, bir bağlantı ve belge veritabanı ve bir forum oluşturdu. 200''den fazla polis memuru platformu pilot uygulamalarda denedi.

Konuları arasında önleme, vatandaşlarla bilgilendirme ve iletişim, tehlikenin önlenmesi, suç önleme ve istihbarat toplama ile her birinin getirdiği fırsatlar ve riskler yer alır. Platform İngilizce, Türkçe ve Almanca olup her rütbeden polis memuru ve adayına yöneliktir.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('about', 'de', 'Über SOMEP', 'SOMEP ist eine Plattform, die Polizeikräfte im Umgang mit sozialen Medien zur Kriminalprävention und zur Ergreifung von Straftätern schult. Sie entstand in einem Leonardo-da-Vinci-Innovationstransferprojekt, das von November 2013 bis April 2015 lief.

Das Projekt erhob den Fortbildungsbedarf in der Türkei, in Deutschland und in Österreich, verfasste Länderberichte und schuf ein E-Learning-Modul, eine Link- und Dokumentendatenbank sowie ein Forum. Mehr als 200 Beamtinnen und Beamte haben die Plattform in Pilotphasen erprobt.

Zu ihren Themen gehören Prävention, Information und Kommunikation mit Bürgerinnen und Bürgern, Gefahrenabwehr, Kriminalprävention und Informationsgewinnung, jeweils mit ihren Chancen und Risiken. Die Plattform spricht Englisch, Türkisch und Deutsch und richtet sich an Polizeikräfte und Anwärter aller Dienstgrade.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('partners', 'en', 'Project partners', 'Erciyes University, Faculty of Communication, Turkey (coordinator)

Media and Culture Research Association, Turkey

Kayseri Provincial Police Headquarters, Turkey

ZSI Centre for Social Innovation, Austria

Brandenburg State Police University, Germany', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('partners', 'tr', 'Proje ortakları', 'Erciyes Üniversitesi İletişim Fakültesi, Türkiye (koordinatör)

Medya ve Kültür Araştırmaları Derneği, Türkiye

Kayseri İl Emniyet Müdürlüğü, Türkiye

ZSI Sosyal İnovasyon Merkezi, Avusturya

Brandenburg Eyalet Polis Üniversitesi, Almanya', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('partners', 'de', 'Projektpartner', 'Erciyes-Universität, Fakultät für Kommunikation, Türkei (Koordination)

Verein für Medien- und Kulturforschung, Türkei

Polizeipräsidium der Provinz Kayseri, Türkei

ZSI Zentrum für Soziale Innovation, Österreich

Hochschule der Polizei des Landes Brandenburg, Deutschland', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('legal', 'en', 'Legal notice', 'This project has been funded with support from the European Commission. This site reflects the views only of its authors, and the Commission cannot be held responsible for any use which may be made of the information contained therein.

The site is operated by the academy that runs this installation of SOMEP; administrators enter its name and address on this page.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('legal', 'tr', 'Yasal uyarı', 'Bu proje Avrupa Komisyonu''nun desteğiyle finanse edilmiştir. Bu site yalnızca yazarlarının görüşlerini yansıtır ve Komisyon, içerdiği bilgilerin herhangi bir şekilde kullanılmasından sorumlu tutulamaz.

Site, bu SOMEP kurulumunu işleten akademi tarafından yönetilir; yöneticiler akademinin adını ve adresini bu sayfaya girer.', 'public', CURRENT_TIMESTAMP);
INSERT INTO pages_page (slug, lang, title, body, visibility, updated_at) VALUES ('legal', 'de', 'Impressum', 'Dieses Projekt wurde mit Unterstützung der Europäischen Kommission finanziert. Diese Website gibt nur die Meinung ihrer Autoren wieder, und die Kommission haftet nicht für die weitere Verwendung der darin enthaltenen Informationen.

Betrieben wird die Website von der Akademie, die diese SOMEP-Installation führt; die Administratoren tragen deren Namen und Anschrift auf dieser Seite ein.', 'public', CURRENT_TIMESTAMP);
