package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Course copy, export and import (the archive one academy gives another), on H2 and PostgreSQL. */
class CourseTransferIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_course_is_copied_exported_and_imported_with_its_activities(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            // copy the demo course
            HttpResponse<String> copy = RegistrationIT.as(somep, admin, "POST", "/api/course/courses/1/copy", "{\"fullname\":\"Social media in policing (2027)\",\"shortname\":\"SMP101-2027\"}");
            assertEquals(201, copy.statusCode(), copy.body());
            assertTrue(copy.body().contains("\"activities\":9") && copy.body().contains("\"visible\":false"), copy.body());
            long copied = id(copy.body());
            String copiedCourse = RegistrationIT.as(somep, admin, "GET", "/api/course/courses/" + copied, null).body();
            assertEquals(8, count(copiedCourse, "\"title\":"), "eight sections");
            assertEquals(422, RegistrationIT.as(somep, admin, "POST", "/api/course/courses/1/copy", "{\"fullname\":\"Again\",\"shortname\":\"SMP101\"}").statusCode(), "a short name in use");

            // export, then import under another short name
            HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(somep.uri("/api/course/courses/1/export"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, export.statusCode());
            assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("course-SMP101.zip"));
            HttpResponse<String> imported = post(somep, admin, "/api/course/import?category=1&shortname=SMP-IMPORTED", export.body());
            assertEquals(201, imported.statusCode(), imported.body());
            assertTrue(imported.body().contains("\"activities\":9") && imported.body().contains("\"skipped\":[]"), imported.body());
            long newId = id(imported.body());
            String course = RegistrationIT.as(somep, admin, "GET", "/api/course/courses/" + newId, null).body();
            Matcher first = Pattern.compile("\"activities\":\\[\\{\"id\":(\\d+)").matcher(course);
            assertTrue(first.find(), course);
            HttpResponse<String> page = somep.send(HttpRequest.newBuilder(somep.uri("/course/activity/" + first.group(1))).header("Authorization", "Bearer " + admin).build());
            assertTrue(page.body().contains("Police forces across Europe use social media"), "the page's text came along");

            // an archive from elsewhere: an unknown activity type is left out with the reason; the rest comes in
            HttpResponse<String> partial = post(somep, admin, "/api/course/import?category=1", zip("""
                    {"format":"somep-course","version":1,"course":{"fullname":"From Vienna","shortname":"VIE-1","summary":"<b>bold</b>"},
                     "sections":[{"title":"Start","summary":"","activities":[
                       {"type":"page","name":"Welcome","data":"Willkommen."},
                       {"type":"hologram","name":"Future","data":"?"},
                       {"type":"page","name":"Empty page"}]}]}"""));
            assertEquals(201, partial.statusCode(), partial.body());
            assertTrue(partial.body().contains("\"activities\":1"), partial.body());
            assertTrue(partial.body().contains("hologram") && partial.body().contains("not installed"), partial.body());
            assertTrue(partial.body().contains("Empty page") && partial.body().contains("needs its text"), partial.body());

            // not archives: clear 422s, and nothing created
            int before = count(RegistrationIT.as(somep, admin, "GET", "/api/course/courses", null).body(), "\"shortname\":");
            assertEquals(422, post(somep, admin, "/api/course/import?category=1", "not a zip".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(422, post(somep, admin, "/api/course/import?category=1", zip("{\"format\":\"other\"}")).statusCode());
            assertEquals(422, post(somep, admin, "/api/course/import?category=1", zip("[1,2")).statusCode());
            assertEquals(422, post(somep, admin, "/api/course/import", export.body()).statusCode(), "no category");
            assertEquals(before, count(RegistrationIT.as(somep, admin, "GET", "/api/course/courses", null).body(), "\"shortname\":"));

            // a trainee may neither export nor import
            somep.kernel().users().create("trainee1", "trainee-pass-1", "Trainee", false);
            RegistrationIT.as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"trainee1\"}");
            String trainee = TokensIT.create(somep, "trainee1", "trainee-pass-1", "t");
            assertEquals(403, somep.send(HttpRequest.newBuilder(somep.uri("/api/course/courses/1/export")).header("Authorization", "Bearer " + trainee).build()).statusCode());
            assertEquals(403, post(somep, trainee, "/api/course/import?category=1", export.body()).statusCode());

            // the page: upload the archive as a browser does
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            b.signIn();
            HttpResponse<String> index = b.get("/course");
            HttpResponse<String> uploaded = b.upload("/course/import", Map.of("_csrf", SecurityIT.Browser.csrf(index), "category", "1", "shortname", "SMP-PAGE"),
                    "archive", "course-SMP101.zip", "application/zip", export.body());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            assertTrue(uploaded.body().contains("data-testid=\"transferred\""), uploaded.body());
            HttpResponse<String> badUpload = b.upload("/course/import", Map.of("_csrf", SecurityIT.Browser.csrf(index), "category", "1"),
                    "archive", "x.zip", "application/zip", "nope".getBytes(StandardCharsets.UTF_8));
            assertEquals(422, badUpload.statusCode());
            assertTrue(badUpload.body().contains("not a SOMEP course archive"));
            assertFalse(badUpload.body().contains("Exception"));
        }
    }

    static HttpResponse<String> post(TestSomep somep, String token, String path, byte[] body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] zip(String json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("course.json"));
            z.write(json.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"course\":\\{\"id\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
