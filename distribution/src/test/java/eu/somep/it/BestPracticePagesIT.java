package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Curation through the best-practice pages with a cookie session, as a browser does: add and edit a case, a bad form
 * that comes back with the message and the typed values, retire and restore, history, import with a report, a member's
 * proposal published from the review page, and every POST refused without its CSRF token.
 */
class BestPracticePagesIT {
    static Map<String, String> form(String csrf) {
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", csrf);
        f.put("country", "AT");
        f.put("organisation", "Vienna police");
        f.put("year", "2014");
        f.put("platforms", "Facebook");
        f.put("category", "push-information");
        f.put("summary", "Warnings on Facebook.");
        f.put("outcome", "Reached many.");
        f.put("sources", "polizei.gv.at\r\nexample.org/vienna");
        f.put("composite", "true");
        return f;
    }

    static long caseId(HttpResponse<String> redirect) {
        Matcher m = Pattern.compile("/bestpractice/case/(\\d+)$").matcher(redirect.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), "a redirect to the case: " + redirect.statusCode() + " " + redirect.headers().map() + " " + redirect.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    void curators_add_edit_retire_import_and_review_through_the_pages() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            // guests see no curation links and cannot open the forms
            SecurityIT.Browser guest = new SecurityIT.Browser(somep);
            assertFalse(guest.get("/bestpractice").body().contains("/bestpractice/new"));
            assertTrue(guest.get("/bestpractice/new").statusCode() >= 300, "the form needs a curator");

            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            b.signIn();
            String index = b.get("/bestpractice").body();
            assertTrue(index.contains("href=\"/bestpractice/new\"") && index.contains("href=\"/bestpractice/import\""), "curation links");

            // a bad form: the message and the typed values come back
            HttpResponse<String> newForm = b.get("/bestpractice/new");
            assertEquals(200, newForm.statusCode(), newForm.body());
            String csrf = SecurityIT.Browser.csrf(newForm);
            Map<String, String> bad = form(csrf);
            bad.put("sources", "  \r\n ");
            bad.put("year", "last year");
            HttpResponse<String> refused = b.post("/bestpractice/new", bad);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("Give at least one source"), refused.body());
            assertTrue(refused.body().contains("is not a year or range"), refused.body());
            assertTrue(refused.body().contains("value=\"Vienna police\"") && refused.body().contains("value=\"last year\"")
                    && refused.body().contains(">Warnings on Facebook.</textarea>") && refused.body().contains("value=\"push-information\" selected"),
                    "typed values kept");
            assertEquals(30, BestPracticeIT.cases(somep, ""));

            // without the CSRF token: 403, nothing changes
            Map<String, String> noToken = form(csrf);
            noToken.remove("_csrf");
            assertEquals(403, b.post("/bestpractice/new", noToken).statusCode());
            assertEquals(30, BestPracticeIT.cases(somep, ""));

            // added, with its two sources
            HttpResponse<String> added = b.post("/bestpractice/new", form(csrf));
            assertEquals(303, added.statusCode(), added.body());
            long id = caseId(added);
            String page = b.follow(added).body();
            assertTrue(page.contains("Vienna police") && page.contains("href=\"https://example.org/vienna\"") && page.contains("polizei.gv.at"), page);
            assertEquals(31, BestPracticeIT.cases(somep, ""));

            // edited: the form shows the stored values; a change makes version 2 and the history shows version 1
            HttpResponse<String> editForm = b.get("/bestpractice/case/" + id + "/edit");
            assertEquals(200, editForm.statusCode(), editForm.body());
            assertTrue(editForm.body().contains("value=\"Vienna police\"") && editForm.body().contains("polizei.gv.at\nexample.org/vienna</textarea>"),
                    editForm.body());
            Map<String, String> change = form(SecurityIT.Browser.csrf(editForm));
            change.put("summary", "Warnings and advice.");
            change.put("category", "gossip");
            HttpResponse<String> badEdit = b.post("/bestpractice/case/" + id + "/edit", change);
            assertEquals(422, badEdit.statusCode());
            assertTrue(badEdit.body().contains("Unknown category") && badEdit.body().contains(">Warnings and advice.</textarea>"), badEdit.body());
            change.put("category", "interaction");
            assertEquals(403, b.post("/bestpractice/case/" + id + "/edit", Map.of("summary", "x")).statusCode(), "no CSRF token");
            HttpResponse<String> edited = b.post("/bestpractice/case/" + id + "/edit", change);
            assertEquals(303, edited.statusCode(), edited.body());
            String after = b.follow(edited).body();
            assertTrue(after.contains("Warnings and advice.") && after.contains("Earlier versions") && after.contains("Warnings on Facebook."), after);
            assertTrue(BestPracticeIT.as(somep, somep.adminToken(), "GET", "/api/bestpractice/cases/" + id, null).body().contains("\"version\":2"));

            // retired and restored with the buttons
            String token = SecurityIT.Browser.csrf(b.get("/bestpractice/case/" + id));
            assertEquals(403, b.post("/bestpractice/case/" + id + "/retire", Map.of()).statusCode());
            assertEquals(303, b.post("/bestpractice/case/" + id + "/retire", Map.of("_csrf", token)).statusCode());
            assertEquals(30, BestPracticeIT.cases(somep, ""));
            assertTrue(b.get("/bestpractice/review").body().contains("/bestpractice/case/" + id + "/restore"), "listed as retired");
            assertEquals(303, b.post("/bestpractice/case/" + id + "/restore", Map.of("_csrf", token)).statusCode());
            assertEquals(31, BestPracticeIT.cases(somep, ""));

            // import: pasted JSON, and a file; the report lists the rejected rows
            HttpResponse<String> importForm = b.get("/bestpractice/import");
            assertEquals(200, importForm.statusCode());
            String json = "[" + BestPracticeIT.CASE + "," + BestPracticeIT.CASE.replace("\"push-information\"", "\"gossip\"") + "]";
            HttpResponse<String> report = b.upload("/bestpractice/import", Map.of("_csrf", SecurityIT.Browser.csrf(importForm), "json", json),
                    "file", "", "application/octet-stream", new byte[0]);
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("1 cases imported.") && report.body().contains("data-row=\"2\"") && report.body().contains("gossip"), report.body());
            HttpResponse<String> fromFile = b.upload("/bestpractice/import", Map.of("_csrf", SecurityIT.Browser.csrf(importForm), "json", ""),
                    "file", "cases.json", "application/json", ("[" + BestPracticeIT.CASE + "]").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, fromFile.statusCode(), fromFile.body());
            assertTrue(fromFile.body().contains("1 cases imported."), fromFile.body());
            HttpResponse<String> badJson = b.upload("/bestpractice/import", Map.of("_csrf", SecurityIT.Browser.csrf(importForm), "json", "[not json"),
                    "file", "", "application/octet-stream", new byte[0]);
            assertEquals(400, badJson.statusCode());
            assertTrue(badJson.body().contains("Send a JSON array") && badJson.body().contains(">[not json</textarea>"), badJson.body());
            // anything else is CSV: a text without the columns says which are missing, and keeps what was typed
            HttpResponse<String> notCsv = b.upload("/bestpractice/import", Map.of("_csrf", SecurityIT.Browser.csrf(importForm), "json", "not json"),
                    "file", "", "application/octet-stream", new byte[0]);
            assertEquals(422, notCsv.statusCode());
            assertTrue(notCsv.body().contains("The CSV header lacks these columns") && notCsv.body().contains(">not json</textarea>"), notCsv.body());
            // a CSV file: the good row is published, the bad ones are listed with their reasons
            String csv = "country,organisation,year,category,summary,sources\r\nAT,Salzburg police,2016,push-information,Warnings.,polizei.gv.at\r\n"
                    + "AT,Salzburg police,2016,push-information,Warnings.,\r\nQQ,Salzburg police,2016,push-information,Warnings.,polizei.gv.at\r\n";
            HttpResponse<String> fromCsv = b.upload("/bestpractice/import", Map.of("_csrf", SecurityIT.Browser.csrf(importForm), "json", ""),
                    "file", "cases.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, fromCsv.statusCode(), fromCsv.body());
            assertTrue(fromCsv.body().contains("1 cases imported.") && fromCsv.body().contains("data-row=\"2\"") && fromCsv.body().contains("at least one source")
                    && fromCsv.body().contains("data-row=\"3\"") && fromCsv.body().contains("“QQ” is not a known country code"), fromCsv.body());
            assertEquals(34, BestPracticeIT.cases(somep, ""));

            // a member proposes through the form; the curator publishes it from the review page
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            SecurityIT.Browser ayse = new SecurityIT.Browser(somep);
            HttpResponse<String> login = ayse.get("/login");
            assertEquals(303, ayse.post("/login", Map.of("username", "ayse", "password", "ayse-pass-123", "_csrf", SecurityIT.Browser.csrf(login))).statusCode());
            assertTrue(ayse.get("/bestpractice").body().contains("href=\"/bestpractice/propose\""));
            assertEquals(403, ayse.get("/bestpractice/new").statusCode());
            HttpResponse<String> proposeForm = ayse.get("/bestpractice/propose");
            assertEquals(200, proposeForm.statusCode(), proposeForm.body());
            Map<String, String> proposal = form(SecurityIT.Browser.csrf(proposeForm));
            proposal.put("organisation", "Graz police");
            HttpResponse<String> sent = ayse.post("/bestpractice/propose", proposal);
            assertEquals(303, sent.statusCode(), sent.body());
            assertTrue(ayse.follow(sent).body().contains("your case is waiting for a curator"));
            assertEquals(0, BestPracticeIT.cases(somep, "?q=Graz"));
            String review = b.get("/bestpractice/review").body();
            Matcher m = Pattern.compile("action=\"/bestpractice/proposals/(\\d+)/publish\"").matcher(review);
            assertTrue(review.contains("Graz police") && m.find(), review);
            assertEquals(303, b.post("/bestpractice/proposals/" + m.group(1) + "/publish", Map.of("_csrf", SecurityIT.Browser.csrf(b.get("/bestpractice/review")))).statusCode());
            assertEquals(1, BestPracticeIT.cases(somep, "?q=Graz"));
        }
    }
}
