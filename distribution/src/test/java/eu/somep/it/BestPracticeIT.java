package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The COMPOSITE best-practice viewer through its REST API and pages, on H2 and PostgreSQL. */
class BestPracticeIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    /** The number of cases in a JSON answer of /api/bestpractice/cases. */
    static int count(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"organisation\":").matcher(r.body());
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static int cases(TestSomep somep, String query) throws Exception {
        return count(somep.get("/api/bestpractice/cases" + query));
    }

    static long id(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    static HttpResponse<String> csv(TestSomep somep, String token, String body) throws Exception {
        return somep.send(java.net.http.HttpRequest.newBuilder(somep.uri("/api/bestpractice/import")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=UTF-8").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static final String CASE = "{\"country\":\"AT\",\"organisation\":\"Vienna police\",\"year\":\"2014\",\"platforms\":\"Facebook\","
            + "\"category\":\"push-information\",\"summary\":\"Warnings on Facebook.\",\"outcome\":\"Reached many.\",\"sources\":[\"polizei.gv.at\"],\"composite\":false}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void browse_filter_compare_curate_and_toggle(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            // the 30 shipped cases, readable by guests
            assertEquals(30, cases(somep, ""));
            assertEquals(7, cases(somep, "?category=wisdom-of-the-crowd"));
            assertEquals(10, cases(somep, "?country=GB"));
            assertEquals(10, cases(somep, "?country=gb"));
            assertEquals(3, cases(somep, "?country=GB&category=push-information"));
            assertEquals(9, cases(somep, "?platform=facebook"));
            assertEquals(12, cases(somep, "?year=2011"), "a case counts for every year of its range");
            assertEquals(8, cases(somep, "?composite=true"));
            assertEquals(22, cases(somep, "?composite=false"));
            assertEquals(3, cases(somep, "?q=riot"));
            assertEquals(2, cases(somep, "?q=Marathon"));
            assertEquals(3, cases(somep, "?q=%25"), "a wildcard is just a character: the three cases with a percentage");
            assertEquals(0, cases(somep, "?q=_"), "so is _");
            String byCountry = somep.get("/api/bestpractice/cases?sort=country").body();
            assertTrue(byCountry.indexOf("\"country\":\"AU\"") < byCountry.indexOf("\"country\":\"US\""), "sorted by country");

            // bad filters: a clear 422 problem
            for (String bad : new String[] {"?category=nonsense", "?year=20x1", "?year=11", "?composite=maybe", "?sort=colour", "?country=Germany"}) {
                HttpResponse<String> r = somep.get("/api/bestpractice/cases" + bad);
                assertEquals(422, r.statusCode(), bad + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad);
            }
            assertTrue(somep.get("/api/bestpractice/cases?category=nonsense").body().contains("wisdom-of-the-crowd"), "the message names the valid keys");

            // one case, with its sources; the categories with counts
            HttpResponse<String> one = somep.get("/api/bestpractice/cases/11");
            assertEquals(200, one.statusCode());
            assertTrue(one.body().contains("3,205") && one.body().contains("bbc.com/news/uk-england-manchester-11549069"), one.body());
            assertEquals(404, somep.get("/api/bestpractice/cases/9999").statusCode());
            String categories = somep.get("/api/bestpractice/categories").body();
            assertTrue(categories.contains("\"key\":\"wisdom-of-the-crowd\"") && categories.contains("\"count\":7"), categories);

            // compare: a matrix of cases per category
            HttpResponse<String> cmp = somep.get("/api/bestpractice/compare?c=DE&c=GB");
            assertEquals(200, cmp.statusCode(), cmp.body());
            assertTrue(Pattern.compile("\"category\":\"push-information\"[^}]*\"counts\":\\[0,3\\]").matcher(cmp.body()).find(), cmp.body());
            assertTrue(Pattern.compile("\"category\":\"having-a-voice\"[^}]*\"counts\":\\[1,0\\]").matcher(cmp.body()).find(), cmp.body());
            assertTrue(cmp.body().contains("\"totals\":[2,10]"), cmp.body());
            assertEquals(422, somep.get("/api/bestpractice/compare").statusCode());
            assertEquals(422, somep.get("/api/bestpractice/compare?c=XYZ").statusCode());

            // pages: cards, table, category, case with sources and links, map, charts, compare
            HttpResponse<String> index = somep.get("/bestpractice?category=wisdom-of-the-crowd&country=GB");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("data-case=\"4\"") && !index.body().contains("data-case=\"2\""), "filtered cards");
            assertTrue(somep.get("/bestpractice?view=table&sort=organisation").body().contains("data-testid=\"cases-table\""));
            String category = somep.get("/bestpractice/category/human-side").body();
            assertTrue(category.contains("data-case=\"9\"") && category.contains("data-case=\"26\""), "the category page lists its cases");
            assertEquals(404, somep.get("/bestpractice/category/nothing").statusCode());
            String casePage = somep.get("/bestpractice/case/11").body();
            assertTrue(casePage.contains("href=\"https://bbc.com/news/uk-england-manchester-11549069\""), "a URL-like source is a link");
            assertTrue(casePage.contains("/bestpractice/case/12"), "related: same category or country");
            String map = somep.get("/bestpractice/map").body();
            assertTrue(map.contains("href=\"/bestpractice?country=GB\"") && map.contains("<title>United Kingdom: 10 cases</title>"), "a tile per country with its count");
            assertFalse(map.contains("style="), "no inline styles (CSP)");
            String charts = somep.get("/bestpractice/charts").body();
            assertTrue(charts.contains("data-testid=\"category-table\"") && charts.contains("<title>"), "bars with titles and the numbers as a table");
            assertTrue(somep.get("/bestpractice/compare?c=DE&c=GB").body().contains("data-testid=\"matrix\""));
            assertEquals(422, somep.get("/bestpractice?year=soon").statusCode());
            assertTrue(somep.get("/").body().contains("/bestpractice/case/"), "the featured case on the home page");

            // curation: managers (here: the administrator) only; a source is required; history kept
            String admin = somep.adminToken();
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            assertEquals(401, RegistrationIT.json(somep, "/api/bestpractice/cases", CASE).statusCode());
            assertEquals(403, as(somep, ayse, "POST", "/api/bestpractice/cases", CASE).statusCode());
            assertEquals(422, as(somep, admin, "POST", "/api/bestpractice/cases", CASE.replace("[\"polizei.gv.at\"]", "[]")).statusCode(), "a source is required");
            HttpResponse<String> created = as(somep, admin, "POST", "/api/bestpractice/cases", CASE);
            assertEquals(201, created.statusCode(), created.body());
            long added = id(created);
            assertEquals(31, cases(somep, ""));
            HttpResponse<String> edited = as(somep, admin, "PUT", "/api/bestpractice/cases/" + added, CASE.replace("Warnings on Facebook.", "Warnings and advice."));
            assertEquals(200, edited.statusCode(), edited.body());
            assertTrue(edited.body().contains("\"version\":2"), edited.body());
            HttpResponse<String> history = as(somep, admin, "GET", "/api/bestpractice/cases/" + added + "/history", null);
            assertTrue(history.body().contains("Warnings on Facebook.") && history.body().contains("\"version\":1"), history.body());
            assertEquals(403, as(somep, ayse, "GET", "/api/bestpractice/cases/" + added + "/history", null).statusCode());
            assertEquals(200, as(somep, admin, "POST", "/api/bestpractice/cases/" + added + "/retire", null).statusCode());
            assertEquals(30, cases(somep, ""));
            assertEquals(404, somep.get("/api/bestpractice/cases/" + added).statusCode(), "retired: hidden from readers");
            assertEquals(200, as(somep, admin, "GET", "/api/bestpractice/cases/" + added, null).statusCode(), "curators still see it");

            // export and import with a report of rejected rows
            HttpResponse<String> json = as(somep, admin, "GET", "/api/bestpractice/export.json", null);
            assertEquals(200, json.statusCode());
            assertTrue(json.body().startsWith("[") && json.body().contains("Polizeidirektion Hannover"));
            HttpResponse<String> csv = as(somep, admin, "GET", "/api/bestpractice/export.csv", null);
            assertTrue(csv.body().startsWith("id,country,organisation") && csv.body().split("\r\n").length == 31, "a header and 30 rows");
            HttpResponse<String> report = as(somep, admin, "POST", "/api/bestpractice/import", "[" + CASE + ","
                    + CASE.replace("\"push-information\"", "\"gossip\"") + "," + CASE.replace("\"2014\"", "\"last year\"") + ","
                    + CASE.replace("[\"polizei.gv.at\"]", "[]") + "]");
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("\"imported\":1"), report.body());
            assertTrue(report.body().contains("\"row\":2") && report.body().contains("gossip"), report.body());
            assertTrue(report.body().contains("\"row\":3") && report.body().contains("\"row\":4"), report.body());
            assertEquals(31, cases(somep, ""));

            // CSV import: the export's own format comes back in; each bad row is listed with why
            String exported = csv.body().split("\r\n")[0] + "\r\n" + csv.body().split("\r\n")[1] + "\r\n";
            HttpResponse<String> again = csv(somep, admin, exported);
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("\"imported\":1") && again.body().contains("\"rejected\":[]"), "an exported row imports: " + again.body());
            String header = "country,organisation,year,platforms,category,summary,outcome,sources,composite\n";
            String good = "AT,\"Graz police, Styria\",2015,Twitter,push-information,\"Warnings, with \"\"quotes\"\"\nand a line break.\",Fine.,polizei.gv.at | example.org/graz,true\n";
            HttpResponse<String> mixed = csv(somep, admin, header + good
                    + "AT,Linz police,2015,Twitter,gossip,Warnings.,Fine.,polizei.gv.at,false\n"      // 2: bad category
                    + "AT,Linz police,2015,Twitter,push-information,Warnings.,Fine.,,false\n"         // 3: missing source
                    + "AT,Linz police,soon,Twitter,push-information,Warnings.,Fine.,polizei.gv.at,false\n" // 4: bad year
                    + "XX,Linz police,2015,Twitter,push-information,Warnings.,Fine.,polizei.gv.at,false\n" // 5: unknown country
                    + "AT,Linz police,2015,Twitter\n"                                                // 6: too few fields
                    + "AT,Linz police,2015,Twitter,push-information,Warnings.,Fine.,polizei.gv.at,maybe\n"); // 7: bad composite
            assertEquals(200, mixed.statusCode(), mixed.body());
            assertTrue(mixed.body().contains("\"imported\":1"), mixed.body());
            for (String[] row : new String[][] {{"2", "gossip"}, {"3", "at least one source"}, {"4", "soon"}, {"5", "not a known country"},
                    {"6", "4 fields, the header 9"}, {"7", "maybe"}})
                assertTrue(Pattern.compile("\"row\":" + row[0] + ",\"reason\":\"[^\"]*" + Pattern.quote(row[1])).matcher(mixed.body()).find(), row[1] + " in " + mixed.body());
            String graz = somep.get("/api/bestpractice/cases?q=Styria").body();
            assertTrue(graz.contains("Warnings, with \\\"quotes\\\"\\nand a line break.") && graz.contains("\"sources\":[\"polizei.gv.at\",\"example.org/graz\"]")
                    && graz.contains("\"composite\":true"), "quoted fields, line breaks and both sources: " + graz);
            HttpResponse<String> unclosed = csv(somep, admin, header + "AT,\"Graz police,2015\n");
            assertEquals(400, unclosed.statusCode(), unclosed.body());
            assertTrue(unclosed.body().contains("line 2"), unclosed.body());
            HttpResponse<String> noHeader = csv(somep, admin, "land,name\nAT,Graz\n");
            assertEquals(422, noHeader.statusCode(), noHeader.body());
            assertTrue(noHeader.body().contains("country, organisation, year, category, summary, sources"), noHeader.body());
            assertEquals(403, csv(somep, ayse, header + good).statusCode());
            assertEquals(33, cases(somep, ""));

            // proposals: members propose, curators publish
            HttpResponse<String> proposed = as(somep, ayse, "POST", "/api/bestpractice/proposals", CASE.replace("Vienna police", "Graz police"));
            assertEquals(201, proposed.statusCode(), proposed.body());
            assertEquals(0, cases(somep, "?q=Graz%20police&year=2014"));
            assertEquals(403, as(somep, ayse, "GET", "/api/bestpractice/proposals", null).statusCode());
            assertTrue(as(somep, admin, "GET", "/api/bestpractice/proposals", null).body().contains("Graz police"));
            assertEquals(200, as(somep, admin, "POST", "/api/bestpractice/proposals/" + id(proposed) + "/publish", null).statusCode());
            assertEquals(1, cases(somep, "?q=Graz%20police&country=AT&year=2014"));

            // an administrator can close the viewer to guests through roles
            assertEquals(200, RoleDefinitionIT.set(somep, "guest", "bestpractice:view", "prevent", null).statusCode());
            assertEquals(401, somep.get("/api/bestpractice/cases").statusCode());
            assertEquals(200, as(somep, ayse, "GET", "/api/bestpractice/cases", null).statusCode());
            assertEquals(200, RoleDefinitionIT.set(somep, "guest", "bestpractice:view", "allow", null).statusCode());

            // the plugin can be disabled and enabled at runtime; the rest of the site carries on
            HttpResponse<String> off = somep.adminPost("/api/plugins/bestpractice/disable");
            assertEquals(200, off.statusCode(), off.body());
            assertEquals(404, somep.get("/bestpractice").statusCode());
            assertEquals(404, somep.get("/api/bestpractice/cases").statusCode());
            assertEquals(200, somep.get("/").statusCode());
            assertEquals(200, somep.get("/forum").statusCode());
            assertEquals(200, somep.get("/api/forum/forums").statusCode());
            HttpResponse<String> on = somep.adminPost("/api/plugins/bestpractice/enable");
            assertEquals(200, on.statusCode(), on.body());
            assertEquals(34, cases(somep, ""), "the data is kept");
        }
    }
}
