package eu.somep.it;

import static eu.somep.testkit.TestSomep.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course plugin through real HTTP against the real kernel, on H2 and on PostgreSQL: categories, courses and their
 * validation, sections, activities of the built-in page type and of a test plugin's type ("drill"), enrolment
 * (manual, CSV, self with a key), who sees what, completion, the dashboard, grades, and a type's plugin going away.
 */
class CourseIT {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @TempDir
    Path jars;

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    private static HttpResponse<String> call(TestSomep somep, String token, String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(somep.uri(path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (type != null) b.header("Content-Type", type);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return somep.send(b.build());
    }

    private static HttpResponse<String> json(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return call(somep, token, method, path, "application/json", body);
    }

    private static HttpResponse<String> get(TestSomep somep, String token, String path) throws Exception {
        return call(somep, token, "GET", path, null, null);
    }

    private static long id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), "an id in " + r.body());
        return Long.parseLong(m.group(1));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) n++;
        return n;
    }

    private static void expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.request().uri().getPath() + ": " + r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_course_from_creation_to_grades(TestDatabases.Db db) throws Exception {
        Path drill = TestPlugins.build(jars, "drill", "1.0.0", Map.of("SOMEP-Requires", "course", "SOMEP-Api", "[1.1,2)"));
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create("trainee1", "trainee-pass-1", "Trainee One", false);
            somep.kernel().users().create("trainer1", "trainer-pass-1", "Trainer One", false);
            somep.kernel().users().create("stranger1", "stranger-pass-1", "Stranger One", false);
            String admin = somep.adminToken();

            // The demo course is there, with its eight sections.
            String all = get(somep, null, "/api/course/courses").body();
            Matcher demo = Pattern.compile("\"id\":(\\d+),[^}]*\"shortname\":\"SMP101\"").matcher(all);
            assertTrue(demo.find(), all);
            HttpResponse<String> demoDetail = get(somep, admin, "/api/course/courses/" + demo.group(1));
            expect(200, demoDetail);
            assertEquals(8, count(demoDetail.body(), "\"title\":"), demoDetail.body());

            // A category and a course, as the administrator.
            HttpResponse<String> cat = json(somep, admin, "POST", "/api/course/categories", "{\"name\":\"Integration tests\"}");
            expect(201, cat);
            long category = id(cat);
            int before = count(get(somep, admin, "/api/course/courses").body(), "\"shortname\":");

            HttpResponse<String> bad = json(somep, admin, "POST", "/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":\"\",\"shortname\":\"IT1\"}");
            expect(422, bad);
            assertTrue(bad.body().contains("Give the course a full name"), bad.body());
            bad = json(somep, admin, "POST", "/api/course/courses", "{\"categoryId\":" + category
                    + ",\"fullname\":\"Dates\",\"shortname\":\"IT1\",\"startDate\":\"2025-06-01\",\"endDate\":\"2025-05-01\"}");
            expect(422, bad);
            assertTrue(bad.body().contains("The end date is before the start date."), bad.body());
            bad = json(somep, admin, "POST", "/api/course/courses", "{\"categoryId\":" + category
                    + ",\"fullname\":\"Dates\",\"shortname\":\"IT1\",\"startDate\":\"2025-13-45\"}");
            expect(422, bad);
            assertTrue(bad.body().contains("YYYY-MM-DD"), bad.body());
            bad = json(somep, admin, "POST", "/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":\"Twin\",\"shortname\":\"SMP101\"}");
            expect(422, bad);
            assertTrue(bad.body().contains("Another course has this short name."), bad.body());
            assertEquals(before, count(get(somep, admin, "/api/course/courses").body(), "\"shortname\":"), "refused courses are not saved");

            HttpResponse<String> created = json(somep, admin, "POST", "/api/course/courses", "{\"categoryId\":" + category
                    + ",\"fullname\":\"Integration testing\",\"shortname\":\"IT1\",\"startDate\":\"2025-01-01\",\"endDate\":\"2025-12-31\","
                    + "\"selfEnrol\":true,\"enrolKey\":\"sesame\"}");
            expect(201, created);
            long course = id(created);
            String c = "/api/course/courses/" + course;

            // Sections.
            HttpResponse<String> s1 = json(somep, admin, "POST", c + "/sections", "{\"title\":\"Week 1\"}");
            expect(201, s1);
            long week1 = id(s1);
            HttpResponse<String> s2 = json(somep, admin, "POST", c + "/sections", "{\"title\":\"Week 2\",\"summary\":\"More\"}");
            expect(201, s2);
            long week2 = id(s2);
            expect(422, json(somep, admin, "POST", c + "/sections", "{\"title\":\" \"}"));

            // The drill plugin brings a new activity type.
            assertFalse(get(somep, null, "/api/course/types").body().contains("\"drill\""));
            CompletableFuture<?> enabled = somep.nextPluginState("enabled", "drill");
            somep.deploy(drill, "drill.jar");
            await(enabled);
            String types = get(somep, null, "/api/course/types").body();
            assertTrue(types.contains("\"type\":\"drill\"") && types.contains("\"type\":\"page\""), types);

            // Activities: a page and a drill.
            HttpResponse<String> p = json(somep, admin, "POST", c + "/activities",
                    "{\"sectionId\":" + week1 + ",\"type\":\"page\",\"name\":\"Read me\",\"settings\":{\"body\":\"Hello trainees\"}}");
            expect(201, p);
            long page = id(p);
            HttpResponse<String> noQuestion = json(somep, admin, "POST", c + "/activities",
                    "{\"sectionId\":" + week1 + ",\"type\":\"drill\",\"name\":\"Empty drill\",\"settings\":{}}");
            expect(422, noQuestion);
            assertTrue(noQuestion.body().contains("Ask a question."), noQuestion.body());
            HttpResponse<String> d = json(somep, admin, "POST", c + "/activities",
                    "{\"sectionId\":" + week1 + ",\"type\":\"drill\",\"name\":\"Drill one\",\"settings\":{\"question\":\"2+2?\"}}");
            expect(201, d);
            long drillActivity = id(d);
            Matcher link = Pattern.compile("\"link\":\"/drill/(\\d+)\"").matcher(d.body());
            assertTrue(link.find(), d.body());
            long drillInstance = Long.parseLong(link.group(1));
            assertFalse(get(somep, admin, c).body().contains("Empty drill"), "a refused activity is not saved");

            // Enrolment: a trainee by the API, a trainer by CSV; unknown users are reported.
            expect(201, json(somep, admin, "POST", c + "/participants", "{\"username\":\"trainee1\",\"role\":\"trainee\"}"));
            HttpResponse<String> nobody = json(somep, admin, "POST", c + "/participants", "{\"username\":\"nobody\",\"role\":\"trainee\"}");
            expect(422, nobody);
            assertTrue(nobody.body().contains("There is no account with this user name."), nobody.body());
            HttpResponse<String> csv = call(somep, admin, "POST", c + "/participants/import", "text/csv", "username,role\ntrainer1,trainer\nghost,trainee\n");
            expect(200, csv);
            assertTrue(csv.body().contains("{\"line\":2,\"username\":\"trainer1\",\"result\":\"enrolled as trainer\"}"), csv.body());
            assertTrue(csv.body().contains("{\"line\":3,\"username\":\"ghost\",\"result\":\"There is no account with this user name.\"}"), csv.body());

            String trainee = TokensIT.create(somep, "trainee1", "trainee-pass-1", "it");
            String trainer = TokensIT.create(somep, "trainer1", "trainer-pass-1", "it");
            String stranger = TokensIT.create(somep, "stranger1", "stranger-pass-1", "it");

            String participants = get(somep, trainer, c + "/participants").body();
            assertTrue(participants.contains("\"username\":\"trainee1\"") && participants.contains("\"username\":\"trainer1\""), participants);

            // A signed-in stranger sees the summary, not the content.
            HttpResponse<String> seen = get(somep, stranger, c);
            expect(200, seen);
            assertTrue(seen.body().contains("\"participant\":false") && seen.body().contains("\"sections\":[]"), seen.body());
            expect(403, get(somep, stranger, c + "/participants"));
            expect(404, get(somep, stranger, "/course/activity/" + page));
            expect(404, get(somep, stranger, "/drill/" + drillInstance));

            // The trainee reads the page (viewed) and passes the drill.
            HttpResponse<String> read = get(somep, trainee, "/course/activity/" + page);
            expect(200, read);
            assertTrue(read.body().contains("Hello trainees"), read.body());
            assertTrue(get(somep, trainee, "/api/course/my").body().contains("\"progress\":50,\"done\":1,\"total\":2"));
            HttpResponse<String> open = get(somep, trainee, "/course/activity/" + drillActivity);
            expect(303, open);
            assertTrue(open.headers().firstValue("Location").orElse("").endsWith("/drill/" + drillInstance), open.headers().map().toString());
            HttpResponse<String> q = get(somep, trainee, "/drill/" + drillInstance);
            expect(200, q);
            assertEquals("2+2?", q.body());
            expect(200, call(somep, trainee, "POST", "/drill/" + drillInstance + "/answer", "text/plain", "80"));
            String my = get(somep, trainee, "/api/course/my").body();
            assertTrue(my.contains("\"shortname\":\"IT1\"") && my.contains("\"progress\":100,\"done\":2,\"total\":2"), my);
            assertTrue(my.contains("\"name\":\"Read me\"") && my.contains("\"name\":\"Drill one\""), "recent activities: " + my);
            String detail = get(somep, trainee, c).body();
            assertTrue(detail.contains("\"participant\":true") && detail.contains("\"progress\":100"), detail);

            // Grades: the trainer sees everyone, the trainee only themselves.
            HttpResponse<String> report = get(somep, trainer, c + "/grades");
            expect(200, report);
            assertTrue(report.body().contains("\"username\":\"trainee1\"") && report.body().contains("\"grades\":[80.0]"), report.body());
            HttpResponse<String> export = get(somep, trainer, c + "/grades.csv");
            expect(200, export);
            assertTrue(export.body().startsWith("username,name,Drill one (/100),total %\n"), export.body());
            assertTrue(export.body().contains("\ntrainee1,Trainee One,80,80\n"), export.body());
            String own = get(somep, trainee, c + "/grades").body();
            assertTrue(own.contains("\"username\":\"trainee1\"") && !own.contains("trainer1"), own);
            expect(403, get(somep, trainee, c + "/grades.csv"));
            expect(403, get(somep, stranger, c + "/grades.csv"));

            // Hide, move, duplicate, delete.
            expect(200, json(somep, trainer, "PUT", "/api/course/activities/" + drillActivity, "{\"hidden\":true}"));
            assertFalse(get(somep, trainee, c).body().contains("Drill one"), "the trainee no longer sees the hidden activity");
            assertTrue(get(somep, trainer, c).body().contains("Drill one"), "the trainer still does");
            expect(404, get(somep, trainee, "/course/activity/" + drillActivity));
            HttpResponse<String> moved = json(somep, trainer, "PUT", "/api/course/activities/" + drillActivity, "{\"hidden\":false,\"sectionId\":" + week2 + "}");
            expect(200, moved);
            assertTrue(moved.body().contains("\"sectionId\":" + week2), moved.body());
            assertTrue(get(somep, trainee, c).body().contains("Drill one"));

            HttpResponse<String> dup = call(somep, trainer, "POST", "/api/course/activities/" + drillActivity + "/duplicate", null, null);
            expect(201, dup);
            long copy = id(dup);
            assertTrue(dup.body().contains("\"name\":\"Drill one (copy)\"") && dup.body().contains("\"sectionId\":" + week2), dup.body());
            Matcher copyLink = Pattern.compile("\"link\":\"/drill/(\\d+)\"").matcher(dup.body());
            assertTrue(copyLink.find(), dup.body());
            long copyInstance = Long.parseLong(copyLink.group(1));
            assertTrue(get(somep, null, "/drill/log").body().contains("duplicate " + drillInstance + " " + copyInstance));
            assertTrue(get(somep, trainer, c).body().contains("\"id\":" + copy + ",\"sectionId\":"));
            expect(204, call(somep, trainer, "DELETE", "/api/course/activities/" + copy, null, null));
            assertTrue(get(somep, null, "/drill/log").body().contains("delete " + copyInstance));
            assertFalse(get(somep, trainer, c).body().contains("\"id\":" + copy + ",\"sectionId\":"));

            // Self-enrolment with the key.
            HttpResponse<String> wrong = json(somep, stranger, "POST", c + "/enrol", "{\"key\":\"open sesame\"}");
            expect(403, wrong);
            assertTrue(wrong.body().contains("That enrolment key is not right."), wrong.body());
            expect(201, json(somep, stranger, "POST", c + "/enrol", "{\"key\":\"sesame\"}"));
            assertTrue(get(somep, stranger, c).body().contains("\"participant\":true"));

            // Without the drill plugin the course still opens; its activity shows as unavailable.
            expect(200, somep.adminPost("/api/plugins/drill/disable"));
            HttpResponse<String> html = call(somep, trainee, "GET", "/course/" + course, null, null);
            expect(200, html);
            assertTrue(html.body().contains("Drill one") && html.body().contains("unavailable: its plugin is not running"), html.body());
            assertTrue(get(somep, trainee, c).body().contains("\"available\":false"));
            expect(200, get(somep, trainee, "/api/course/my"));
            expect(200, get(somep, trainer, c + "/grades"));
        }
    }
}
