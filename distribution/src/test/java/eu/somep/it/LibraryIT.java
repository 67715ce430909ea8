package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import eu.somep.core.config.Settings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document library on H2 and PostgreSQL: who sees what (guests, members, course participants), uploads checked
 * by content, versions, full-text search inside PDFs with filters and highlighted passages, previews, downloads with
 * their headers, statistics, and a clear refusal for each kind of bad input with nothing left behind.
 */
class LibraryIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    /** A one-page PDF with these lines of text, made with PDFBox. */
    static byte[] pdf(String... lines) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                for (String l : lines) {
                    cs.showText(l);
                    cs.newLineAtOffset(0, -16);
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static HttpResponse<String> upload(TestSomep somep, String token, String path, byte[] body, String language) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(somep.uri(path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) r.header("Authorization", "Bearer " + token);
        if (language != null) r.header("Accept-Language", language);
        return somep.send(r.build());
    }

    static HttpResponse<byte[]> bytes(TestSomep somep, String token, String path) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(somep.uri(path)).GET();
        if (token != null) r.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        if (token == null) {
            return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    static long num(String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), regex + " in " + body);
        return Long.parseLong(m.group(1));
    }

    static long id(HttpResponse<String> r) {
        return num("\"id\":(\\d+)", r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long total(TestSomep somep, String token, String query) throws Exception {
        return num("\"total\":(\\d+)", expect(200, as(somep, token, "GET", "/api/library/search?" + query, null)).body());
    }

    static long files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 500; i++) z.write(zeros);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void access_versions_search_and_bad_input(TestDatabases.Db db) throws Exception {
        // a generous start timeout: the machine these tests run on is shared and often loaded
        try (TestSomep somep = TestSomep.builder().database(db).set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            String admin = somep.adminToken();
            for (String u : new String[] {"ayse", "mehmet", "t1"}) somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            String mehmet = TokensIT.create(somep, "mehmet", "mehmet-pass-123", "t");
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t1\"}"));

            // the shipped collection: public guides and links for guests; the members' folder only for members
            String guestFolders = expect(200, as(somep, null, "GET", "/api/library/folders", null)).body();
            assertTrue(guestFolders.contains("COMPOSITE guides") && guestFolders.contains("Reports and training material"), guestFolders);
            assertFalse(guestFolders.contains("Members' library"), guestFolders);
            assertTrue(as(somep, ayse, "GET", "/api/library/folders", null).body().contains("Members' library"));
            assertEquals(9, total(somep, null, "q=" + q("short guide")), "the nine category guides");
            assertTrue(somep.get("/library").body().contains("COMPOSITE guides"));

            long pub = id(expect(201, as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Prevention\",\"visibility\":\"public\"}")));
            long members = id(expect(201, as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Internal\",\"visibility\":\"members\"}")));
            expect(403, as(somep, ayse, "POST", "/api/library/folders", "{\"name\":\"Mine\"}"));
            expect(401, as(somep, null, "POST", "/api/library/folders", "{\"name\":\"Mine\"}"));

            // a member uploads a PDF: its text is indexed, its first page previewed
            byte[] guide = pdf("Bicycle theft prevention in the city", "Officers marked 400 frames with a zebracorn code.");
            HttpResponse<String> up = expect(201, upload(somep, ayse, "/api/library/folders/" + pub + "/documents?name=" + q("Fahrrad guide.pdf")
                    + "&title=" + q("Bicycle theft guide") + "&year=2014&language=en&country=DE&type=guideline", guide, null));
            long doc = id(up);
            assertTrue(up.body().contains("\"contentType\":\"application/pdf\"") && up.body().contains("\"thumbnail\":\"/library/documents/" + doc + "/thumbnail\""), up.body());
            expect(401, upload(somep, null, "/api/library/folders/" + pub + "/documents?name=x.pdf", guide, null));

            // a guest finds it by a word inside the PDF, with filters, and a highlighted passage
            String found = expect(200, as(somep, null, "GET", "/api/library/search?q=zebracorn", null)).body();
            assertTrue(found.contains("\"total\":1") && found.contains("\"text\":\"zebracorn\",\"hit\":true"), found);
            assertEquals(1, total(somep, null, "q=ZEBRACORN&year=2014&country=de&language=en&type=guideline"));
            assertEquals(0, total(somep, null, "q=zebracorn&year=2013"));
            assertEquals(0, total(somep, null, "q=zebracorn&type=report"));
            assertEquals(0, total(somep, null, "q=zebracorn+unicorn"), "every word must match");
            String page = somep.get("/library/search?q=zebracorn").body();
            assertTrue(page.contains("<mark>zebracorn</mark>") && page.contains("Bicycle theft guide"), page);

            // downloads: the detected type, a download disposition, nosniff; the preview is a PNG; the inline view
            HttpResponse<byte[]> got = bytes(somep, null, "/library/documents/" + doc + "/download");
            assertEquals(200, got.statusCode());
            assertArrayEquals(guide, got.body());
            assertEquals("application/pdf", got.headers().firstValue("Content-Type").orElse(""));
            assertTrue(got.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"Fahrrad guide.pdf\""));
            assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(bytes(somep, null, "/library/documents/" + doc + "/view").headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
            HttpResponse<byte[]> thumb = bytes(somep, null, "/library/documents/" + doc + "/thumbnail");
            assertEquals(200, thumb.statusCode());
            BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
            assertTrue(t.getWidth() >= 230 && t.getWidth() <= 250, "a thumbnail about 240 px wide: " + t.getWidth());
            assertEquals(200, somep.get("/library/documents/" + doc).statusCode());

            // statistics: the owner sees views and downloads; others do not
            String stats = as(somep, ayse, "GET", "/api/library/documents/" + doc, null).body();
            assertTrue(stats.contains("\"views\":1,\"downloads\":2"), stats);
            assertFalse(as(somep, mehmet, "GET", "/api/library/documents/" + doc, null).body().contains("\"views\":1"));

            // members-only: invisible to guests by id, in lists and in search
            long secret = id(expect(201, upload(somep, ayse, "/api/library/folders/" + members + "/documents?name=s.pdf&title=Internal+memo", pdf("Quokka operation notes"), null)));
            long hiddenInPublic = id(expect(201, upload(somep, ayse, "/api/library/folders/" + pub + "/documents?name=h.txt&visibility=members",
                    "Members only: the narwhal plan".getBytes(StandardCharsets.UTF_8), null)));
            for (String path : new String[] {"/api/library/documents/" + secret, "/api/library/documents/" + hiddenInPublic, "/api/library/folders/" + members}) {
                expect(404, as(somep, null, "GET", path, null));
            }
            assertEquals(404, bytes(somep, null, "/library/documents/" + secret + "/download").statusCode());
            assertEquals(404, bytes(somep, null, "/library/documents/" + hiddenInPublic + "/download").statusCode());
            assertEquals(404, bytes(somep, null, "/library/documents/" + secret + "/thumbnail").statusCode());
            assertEquals(0, total(somep, null, "q=quokka"));
            assertEquals(0, total(somep, null, "q=narwhal"));
            assertFalse(as(somep, null, "GET", "/api/library/folders/" + pub, null).body().contains("\"id\":" + hiddenInPublic + ","));
            assertEquals(1, total(somep, mehmet, "q=quokka"));
            assertEquals(1, total(somep, mehmet, "q=narwhal"));
            assertEquals(200, bytes(somep, mehmet, "/library/documents/" + secret + "/download").statusCode());

            // a library folder in a course: its participants only
            long section = num("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body());
            HttpResponse<String> act = expect(201, as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section + ",\"type\":\"library\",\"name\":\"Week 1 reading\",\"settings\":{\"description\":\"Read before class\"}}"));
            long course = num("\"link\":\"/library/folders/(\\d+)\"", act.body());
            long reading = id(expect(201, upload(somep, admin, "/api/library/folders/" + course + "/documents?name=r.pdf&title=Reading", pdf("The okapi case study"), null)));
            assertEquals(200, as(somep, t1, "GET", "/api/library/folders/" + course, null).statusCode());
            assertEquals(200, bytes(somep, t1, "/library/documents/" + reading + "/download").statusCode());
            assertEquals(1, total(somep, t1, "q=okapi"));
            for (String tok : new String[] {null, ayse}) {
                expect(404, as(somep, tok, "GET", "/api/library/folders/" + course, null));
                expect(404, as(somep, tok, "GET", "/api/library/documents/" + reading, null));
                assertEquals(404, bytes(somep, tok, "/library/documents/" + reading + "/download").statusCode());
                assertEquals(0, total(somep, tok, "q=okapi"));
            }
            expect(404, upload(somep, ayse, "/api/library/folders/" + course + "/documents?name=x.txt", "hello there".getBytes(StandardCharsets.UTF_8), null));

            // versions: a new version replaces the indexed text; the old one can be downloaded and restored
            HttpResponse<String> v2 = expect(201, upload(somep, ayse, "/api/library/documents/" + doc + "/versions?name=guide-2.txt",
                    "Second edition: the wombat method.".getBytes(StandardCharsets.UTF_8), null));
            assertTrue(v2.body().contains("\"number\":2") && v2.body().contains("\"current\":true"), v2.body());
            assertEquals(1, total(somep, null, "q=wombat"));
            assertEquals(0, total(somep, null, "q=zebracorn"));
            String versions = expect(200, as(somep, null, "GET", "/api/library/documents/" + doc + "/versions", null)).body();
            long v1 = num("\"id\":(\\d+),\"number\":1,", versions);
            assertArrayEquals(guide, bytes(somep, null, "/library/versions/" + v1 + "/download").body(), "the first version, byte for byte");
            expect(404, as(somep, mehmet, "POST", "/api/library/documents/" + doc + "/versions/" + v1 + "/restore", null));
            expect(404, upload(somep, mehmet, "/api/library/documents/" + doc + "/versions?name=x.txt", "mine now".getBytes(StandardCharsets.UTF_8), null));
            expect(200, as(somep, ayse, "POST", "/api/library/documents/" + doc + "/versions/" + v1 + "/restore", null));
            assertEquals(1, total(somep, null, "q=zebracorn"));
            assertEquals(0, total(somep, null, "q=wombat"));
            assertArrayEquals(guide, bytes(somep, null, "/library/documents/" + doc + "/download").body());

            // bad input: each refused clearly, in the reader's language, and nothing is left behind
            Path store = somep.kernel().settings().dataDir().resolve("files/library/store");
            Path tmp = somep.kernel().settings().dataDir().resolve("files/library/tmp");
            long before = files(store);
            String to = "/api/library/folders/" + pub + "/documents?name=";
            assertTrue(expect(422, upload(somep, ayse, to + "empty.pdf", new byte[0], null)).body().contains("The file is empty."));
            assertTrue(expect(422, upload(somep, ayse, to + "empty.pdf", new byte[0], "tr-TR,tr;q=0.9")).body().contains("Dosya boş."));
            assertTrue(expect(422, upload(somep, ayse, to + "empty.pdf", new byte[0], "de-DE")).body().contains("Die Datei ist leer."));
            byte[] exe = new byte[4096];
            exe[0] = 'M';
            exe[1] = 'Z';
            System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 39);
            assertTrue(expect(422, upload(somep, ayse, to + "report.pdf", exe, null)).body().contains("This kind of file is not accepted"));
            assertTrue(expect(422, upload(somep, ayse, to + "report.docx", zipBomb(), null)).body().contains("compression bomb"));
            assertTrue(expect(422, upload(somep, ayse, to + q("../../etc/passwd.pdf"), guide, null)).body().contains("may not contain a path"));
            assertTrue(expect(422, upload(somep, ayse, to + "page.txt", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null))
                    .body().contains("HTML, SVG"));
            byte[] big = new byte[26 * 1024 * 1024];
            System.arraycopy(guide, 0, big, 0, guide.length);
            // on a client of its own: the server answers 413 without reading the rest and closes the connection,
            // which a shared client could pick again for the next request
            HttpRequest tooBig = HttpRequest.newBuilder(somep.uri(to + "big.pdf")).header("Content-Type", "application/octet-stream")
                    .header("Authorization", "Bearer " + ayse).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
            java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient(); // not AutoCloseable before Java 21
            assertTrue(expect(413, own.send(tooBig, HttpResponse.BodyHandlers.ofString())).body().contains("larger than 25 MB"));
            assertEquals(before, files(store), "no refused file was stored");
            assertEquals(0, files(tmp), "no temporary file is left");

            // a corrupt PDF is stored, without text or preview
            HttpResponse<String> corrupt = expect(201, upload(somep, ayse, to + "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog garbage".getBytes(StandardCharsets.US_ASCII), null));
            assertTrue(!corrupt.body().contains("/thumbnail\"") && corrupt.body().contains("\"contentType\":\"application/pdf\""), corrupt.body());
            assertEquals(before + 1, files(store));

            // deleting a document deletes its files
            expect(404, as(somep, mehmet, "DELETE", "/api/library/documents/" + doc, null));
            expect(204, as(somep, ayse, "DELETE", "/api/library/documents/" + doc, null));
            assertEquals(before + 1 - 3, files(store), "both versions and the preview are gone");
            expect(404, as(somep, null, "GET", "/api/library/documents/" + doc, null));
        }
    }
}
