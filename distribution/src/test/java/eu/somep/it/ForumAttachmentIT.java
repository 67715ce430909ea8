package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files attached to forum posts, on H2 and PostgreSQL: recognised by content (never by name), at most 3 per post and
 * 5 MB each, images with a thumbnail, served only to those who may see the post.
 */
class ForumAttachmentIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML = "<!doctype html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void files_are_checked_by_content_limited_and_served_only_to_those_who_see_the_post(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            for (String u : new String[] {"ayse", "mehmet", "outsider"}) somep.kernel().users().create(u, u + "-pass-123", u.substring(0, 1).toUpperCase() + u.substring(1), false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            String mehmet = TokensIT.create(somep, "mehmet", "mehmet-pass-123", "t");
            String outsider = TokensIT.create(somep, "outsider", "outsider-pass-123", "t");

            HttpResponse<String> started = ForumIT.as(somep, ayse, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Evidence photos\",\"message\":\"See the chart.\"}");
            assertEquals(201, started.statusCode(), started.body());
            long d = ForumIT.id(started);
            long post = ForumIT.firstPost(ForumIT.as(somep, ayse, "GET", "/api/forum/discussions/" + d, null).body());

            // a PNG: stored and served byte for byte, inline, with a thumbnail at most 320 px wide
            byte[] png = png(800, 400);
            HttpResponse<String> up = upload(somep, ayse, post, "image/png", "chart.png", png);
            assertEquals(201, up.statusCode(), up.body());
            long file = ForumIT.id(up);
            assertTrue(up.body().contains("\"contentType\":\"image/png\"") && up.body().contains("/thumb"), up.body());
            HttpResponse<byte[]> got = bytes(somep, mehmet, "/forum/attachment/" + file);
            assertEquals(200, got.statusCode());
            assertArrayEquals(png, got.body(), "served byte for byte");
            assertEquals("image/png", got.headers().firstValue("Content-Type").orElse(""));
            assertTrue(got.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
            assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
            HttpResponse<byte[]> thumb = bytes(somep, mehmet, "/forum/attachment/" + file + "/thumb");
            assertEquals(200, thumb.statusCode());
            BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
            assertEquals(320, t.getWidth());
            assertEquals(160, t.getHeight());
            assertTrue(somep.get("/forum/discussion/" + d).body().contains("src=\"/forum/attachment/" + file + "/thumb\""), "shown inline as a thumbnail");

            // what a name or a claimed type says is not trusted: HTML and SVG called .png are refused, and nothing is stored
            for (byte[] bad : new byte[][] {SVG, HTML, "  <html><p>x</p></html>".getBytes(StandardCharsets.UTF_8), {'P', 'K', 3, 4, 20, 0, 0, 0}, {'M', 'Z', 0, 0}}) {
                HttpResponse<String> r = upload(somep, ayse, post, "image/png", "photo.png", bad);
                assertEquals(422, r.statusCode(), r.body());
                assertTrue(r.body().contains("PNG, JPEG, WebP and GIF"), r.body());
            }
            assertEquals(1, count(ForumIT.as(somep, ayse, "GET", "/api/forum/posts/" + post + "/attachments", null).body()));

            // path-like names are display text only; text is served as a download of type text/plain
            HttpResponse<String> txt = upload(somep, ayse, post, "application/octet-stream", "../../etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, txt.statusCode(), txt.body());
            long text = ForumIT.id(txt);
            assertTrue(txt.body().contains("\"name\":\"../../etc/passwd\""), txt.body());
            HttpResponse<byte[]> served = bytes(somep, mehmet, "/forum/attachment/" + text);
            assertEquals(200, served.statusCode());
            assertEquals("root:x:0:0\n", new String(served.body(), StandardCharsets.UTF_8));
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String disposition = served.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment;") && !disposition.contains("filename=\"../"), disposition);
            assertTrue(somep.get("/forum/discussion/" + d).body().contains("../../etc/passwd</a>"), "shown as the link's text");

            // a PDF: a download
            HttpResponse<String> pdf = upload(somep, ayse, post, "application/pdf", "report.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, pdf.statusCode(), pdf.body());
            HttpResponse<byte[]> pdfServed = bytes(somep, mehmet, "/forum/attachment/" + ForumIT.id(pdf));
            assertEquals("application/pdf", pdfServed.headers().firstValue("Content-Type").orElse(""));
            assertTrue(pdfServed.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

            // a fourth file is refused; so is one over 5 MB, on another post
            HttpResponse<String> fourth = upload(somep, ayse, post, "image/png", "four.png", png(10, 10));
            assertEquals(422, fourth.statusCode(), fourth.body());
            assertTrue(fourth.body().contains("at most 3 files"), fourth.body());
            assertEquals(3, count(ForumIT.as(somep, mehmet, "GET", "/api/forum/posts/" + post + "/attachments", null).body()));
            HttpResponse<String> r1 = ForumIT.as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"A big one.\"}");
            long reply = ForumIT.id(r1);
            byte[] big = new byte[5 * 1024 * 1024 + 1];
            java.util.Arrays.fill(big, (byte) 'a');
            HttpResponse<String> tooBig = upload(somep, mehmet, reply, "text/plain", "big.txt", big);
            assertEquals(422, tooBig.statusCode(), tooBig.body());
            assertTrue(tooBig.body().contains("at most 5 MB"), tooBig.body());
            assertEquals(0, count(ForumIT.as(somep, mehmet, "GET", "/api/forum/posts/" + reply + "/attachments", null).body()));

            // only the author (or a moderator) attaches
            assertEquals(403, upload(somep, outsider, reply, "image/png", "x.png", png(10, 10)).statusCode());
            assertEquals(201, upload(somep, admin, reply, "image/png", "mod.png", png(10, 10)).statusCode());

            // a course forum the outsider is not enrolled in: 404 on its files, as on its posts
            HttpResponse<String> course = ForumIT.as(somep, admin, "GET", "/api/course/courses/1", null);
            Matcher section = Pattern.compile("\"sections\":\\[\\{\"id\":(\\d+)").matcher(course.body());
            assertTrue(section.find());
            HttpResponse<String> act = ForumIT.as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section.group(1) + ",\"type\":\"forum\",\"name\":\"Case files\",\"settings\":{\"intro\":\"Share documents.\"}}");
            assertEquals(201, act.statusCode(), act.body());
            Matcher link = Pattern.compile("\"link\":\"/forum/(\\d+)\"").matcher(act.body());
            assertTrue(link.find(), act.body());
            long courseForum = Long.parseLong(link.group(1));
            long cd = ForumIT.id(ForumIT.as(somep, admin, "POST", "/api/forum/forums/" + courseForum + "/discussions", "{\"title\":\"Case 1\",\"message\":\"The file.\"}"));
            long cp = ForumIT.firstPost(ForumIT.as(somep, admin, "GET", "/api/forum/discussions/" + cd, null).body());
            long secret = ForumIT.id(upload(somep, admin, cp, "image/png", "secret.png", png(40, 20)));
            assertEquals(200, bytes(somep, admin, "/forum/attachment/" + secret).statusCode());
            assertEquals(404, bytes(somep, outsider, "/forum/attachment/" + secret).statusCode());
            assertEquals(404, bytes(somep, outsider, "/forum/attachment/" + secret + "/thumb").statusCode());
            assertEquals(404, bytes(somep, null, "/forum/attachment/" + secret).statusCode(), "nor to guests");
            assertEquals(404, ForumIT.as(somep, outsider, "GET", "/api/forum/posts/" + cp + "/attachments", null).statusCode());
            assertEquals(404, bytes(somep, outsider, "/forum/attachment/999999").statusCode());

            // from the pages: a reply with a file, as a browser sends it (multipart, the CSRF token a form field)
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            assertEquals(303, b.post("/login", Map.of("username", "mehmet", "password", "mehmet-pass-123", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))).statusCode());
            HttpResponse<String> page = b.get("/forum/discussion/" + d);
            assertTrue(page.body().contains("enctype=\"multipart/form-data\""));
            assertEquals(403, b.upload("/forum/discussion/" + d + "/reply", Map.of("message", "No token"), "attachment", "a.png", "image/png", png(10, 10)).statusCode());
            HttpResponse<String> refused = b.upload("/forum/discussion/" + d + "/reply", Map.of("_csrf", SecurityIT.Browser.csrf(page), "message", "Kept text"),
                    "attachment", "photo.png", "image/png", SVG);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("Kept text") && refused.body().contains("is not allowed"), "the message is kept, the file refused");
            assertFalse(ForumIT.as(somep, mehmet, "GET", "/api/forum/discussions/" + d, null).body().contains("Kept text"), "nothing stored");
            HttpResponse<String> ok = b.upload("/forum/discussion/" + d + "/reply", Map.of("_csrf", SecurityIT.Browser.csrf(page), "message", "With a picture"),
                    "attachment", "scene.png", "image/png", png(100, 50));
            assertEquals(303, ok.statusCode(), ok.body());
            String after = b.follow(ok).body();
            assertTrue(after.contains("With a picture") && after.contains("alt=\"scene.png\""), after);
            HttpResponse<String> newDiscussion = b.upload("/forum/1/discussions", Map.of("_csrf", SecurityIT.Browser.csrf(page), "title", "Started with a file", "message", "Here"),
                    "attachment", "notes.txt", "text/plain", "Plain notes".getBytes(StandardCharsets.UTF_8));
            assertEquals(303, newDiscussion.statusCode(), newDiscussion.body());
            assertTrue(b.follow(newDiscussion).body().contains("notes.txt</a>"));
        }
    }

    static int count(String json) {
        Matcher m = Pattern.compile("\"url\":").matcher(json);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static HttpResponse<String> upload(TestSomep somep, String token, long post, String type, String name, byte[] body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/forum/posts/" + post + "/attachments?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<byte[]> bytes(TestSomep somep, String token, String path) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(somep.uri(path));
        if (token != null) r.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) img.setRGB(x, h / 2, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
