package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The course image: recognised by its content (PNG, JPEG, WebP), stored in the database, shown as the course is. */
class CourseImageIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_image_is_checked_by_content_stored_and_served(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            byte[] png = png();
            assertEquals(204, put(somep, admin, "image/png", png).statusCode());
            HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(somep.uri("/course/1/image")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode(), "a guest sees the image of a visible course");
            assertEquals("image/png", got.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(png, got.body(), "stored byte for byte");
            assertTrue(somep.get("/course").body().contains("src=\"/course/1/image\""));

            // a claimed type is not trusted: SVG and HTML are refused, whatever they are called
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
            assertEquals(422, put(somep, admin, "image/png", svg).statusCode());
            assertEquals(422, put(somep, admin, "image/jpeg", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(422, put(somep, admin, "image/png", new byte[2 * 1024 * 1024 + 10]).statusCode());
            int svgType = put(somep, admin, "image/svg+xml", svg).statusCode();
            assertTrue(svgType == 415 || svgType == 422, "an SVG type is not accepted: " + svgType);
            HttpResponse<byte[]> still = HttpClient.newHttpClient().send(HttpRequest.newBuilder(somep.uri("/course/1/image")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(png, still.body(), "a refused upload loses nothing");

            somep.kernel().users().create("trainee1", "trainee-pass-1", "Trainee", false);
            String trainee = TokensIT.create(somep, "trainee1", "trainee-pass-1", "t");
            assertEquals(403, put(somep, trainee, "image/png", png).statusCode());

            // from the settings page, as a browser uploads it
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            b.signIn();
            HttpResponse<String> form = b.get("/course/1/edit");
            assertTrue(form.body().contains("action=\"/course/1/image\""));
            HttpResponse<String> bad = b.upload("/course/1/image", Map.of("_csrf", SecurityIT.Browser.csrf(form)), "image", "photo.png", "image/png", svg);
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("PNG, JPEG or WebP"));
            assertEquals(303, b.upload("/course/1/image", Map.of("_csrf", SecurityIT.Browser.csrf(form)), "image", "photo.png", "image/png", png).statusCode());
            assertEquals(303, b.post("/course/1/image/delete", Map.of("_csrf", SecurityIT.Browser.csrf(form))).statusCode());
            assertEquals(404, somep.get("/course/1/image").statusCode());
        }
    }

    static HttpResponse<String> put(TestSomep somep, String token, String type, byte[] body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/course/courses/1/image")).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
