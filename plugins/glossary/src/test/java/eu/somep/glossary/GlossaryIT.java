package eu.somep.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.As;
import eu.somep.testkit.Browser;
import eu.somep.testkit.Client;
import eu.somep.testkit.Data;
import eu.somep.testkit.Role;
import eu.somep.testkit.SomepTest;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The glossary in a real SOMEP (its own jar from target/), on H2; {@link GlossaryPostgresIT} runs the same on PostgreSQL. */
@SomepTest(plugins = "glossary")
class GlossaryIT {
    @Test
    void readers_get_the_glossary_in_their_language(TestSomep somep) throws Exception {
        HttpResponse<String> en = new Browser(somep).get("/glossary");
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("Glossary of social-media terms") && en.body().contains("Doxxing") && en.body().contains("TR: Trol"), en.body());
        String tr = new Browser(somep, "tr-TR,tr;q=0.9").get("/glossary").body();
        assertTrue(tr.contains("Sosyal medya terimleri sözlüğü") && tr.contains("Sosyal bot"), tr);
        String de = new Browser(somep, "de-DE,de;q=0.9").get("/glossary").body();
        assertTrue(de.contains("Glossar der Social-Media-Begriffe") && de.contains("Doxing"), de);
        assertTrue(somep.get("/").body().contains("href=\"/glossary\""), "in the navigation");
    }

    @Test
    void a_term_added_in_english_shows_until_it_is_translated(Data data, @As(Role.MANAGER) Client manager, TestSomep somep) throws Exception {
        long id = GlossaryData.term(data, "Geotagging", "Adding the place where a photo was taken to a post.");
        Browser turkish = new Browser(somep, "tr");
        String before = turkish.get("/glossary").body();
        assertTrue(before.contains("Geotagging") && before.contains("henüz çevrilmedi"), before);

        HttpResponse<String> put = manager.put("/api/glossary/terms/" + id + "/translations/tr",
                GlossaryData.text("Konum etiketleme", "Bir fotoğrafın çekildiği yeri paylaşıma eklemek."));
        assertEquals(200, put.statusCode(), put.body());
        String after = turkish.get("/glossary").body();
        assertTrue(after.contains("Konum etiketleme") && after.contains("EN: Geotagging"), after);
        assertTrue(manager.get("/api/glossary/terms/" + id).body().contains("\"tr\":{\"name\":\"Konum etiketleme\""));
    }

    @Test
    void only_those_with_the_capability_change_the_glossary(@As(Role.GUEST) Client guest, @As(Role.TRAINEE) Client trainee,
                                                             @As(Role.MANAGER) Client manager) throws Exception {
        String term = "{\"translations\":{\"en\":" + GlossaryData.text("Swatting", "A false emergency call.") + "}}";
        assertEquals(401, guest.post("/api/glossary/terms", term).statusCode());
        assertEquals(403, trainee.post("/api/glossary/terms", term).statusCode());
        assertEquals(403, trainee.delete("/api/glossary/terms/1").statusCode());
        assertTrue(guest.get("/api/glossary/terms").body().contains("\"name\":\"Deepfake\""), "everyone reads");
        assertFalse(guest.get("/api/glossary/terms").body().contains("Swatting"), "nothing was saved");
        assertEquals(201, manager.post("/api/glossary/terms", term).statusCode());
    }

    @Test
    void bad_input_gets_a_clear_answer(@As(Role.MANAGER) Client manager) throws Exception {
        HttpResponse<String> noEnglish = manager.post("/api/glossary/terms", "{\"translations\":{\"de\":" + GlossaryData.text("Shitstorm", "Welle von Kritik.") + "}}");
        assertEquals(422, noEnglish.statusCode());
        assertTrue(noEnglish.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), noEnglish.body());
        assertTrue(noEnglish.body().contains("Give the term in English"), noEnglish.body());
        assertEquals(422, manager.post("/api/glossary/terms", "{\"translations\":{\"en\":" + GlossaryData.text("x", "y") + ",\"fr\":"
                + GlossaryData.text("x", "y") + "}}").statusCode());
        assertEquals(422, manager.post("/api/glossary/terms", "{}").statusCode());
        assertEquals(400, manager.post("/api/glossary/terms", "{not json").statusCode());
        assertEquals(404, manager.put("/api/glossary/terms/999999/translations/de", GlossaryData.text("a", "b")).statusCode());
        assertEquals(404, manager.get("/api/glossary/terms/999999").statusCode());
        assertEquals(422, manager.put("/api/glossary/terms/1/translations/en", GlossaryData.text(" ", "")).statusCode());
        assertEquals(422, manager.put("/api/glossary/terms/1/translations/fr", GlossaryData.text("Troll", "Un troll.")).statusCode());
        assertTrue(manager.get("/api/glossary/terms/1").body().contains("\"en\":{\"name\":\"Doxxing\""), "nothing lost");
    }

    @Test
    void the_form_keeps_what_was_typed_and_saves_with_the_csrf_token(@As(Role.MANAGER) Browser manager) throws Exception {
        HttpResponse<String> missing = manager.submit("/glossary", "/glossary/terms", Map.of("tr_name", "Linç", "tr_definition", "Toplu saldırı."));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("Toplu saldırı.") && missing.body().contains("Give the term in English"), missing.body());
        assertEquals(403, manager.post("/glossary/terms", Map.of("en_name", "Pile-on", "en_definition", "Mass attack.")).statusCode(), "no CSRF token");
        HttpResponse<String> ok = manager.submit("/glossary", "/glossary/terms",
                Map.of("en_name", "Pile-on", "en_definition", "Many accounts attacking one person <at once>.", "tr_name", "Linç", "tr_definition", "Toplu saldırı."));
        assertEquals(303, ok.statusCode(), ok.body());
        String page = manager.follow(ok).body();
        assertTrue(page.contains("Many accounts attacking one person &lt;at once&gt;."), "escaped: " + page);
    }
}
