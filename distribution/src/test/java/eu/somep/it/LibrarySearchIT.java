package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static eu.somep.it.LibraryIT.as;
import static eu.somep.it.LibraryIT.expect;
import static eu.somep.it.LibraryIT.id;
import static eu.somep.it.LibraryIT.q;
import static eu.somep.it.LibraryIT.total;
import static eu.somep.it.LibraryIT.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's Lucene search on H2 and PostgreSQL: words found inside PDF, DOCX, ODT and PPTX files (text from
 * Tika inside the plugin's bundle), English stemming, filters, access levels, highlighted passages that stay text,
 * and an index rebuilt from the database when its folder is gone.
 */
class LibrarySearchIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static long total(TestSomep somep, String query) throws Exception {
        return LibraryIT.total(somep, null, query);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void words_inside_office_files_stemming_filters_access_and_a_rebuilt_index(TestDatabases.Db db) throws Exception {
        Path home, index;
        long pub;
        try (TestSomep somep = TestSomep.builder().database(db).set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            home = somep.home();
            index = somep.kernel().settings().dataDir().resolve("files/library/index");
            String admin = somep.adminToken();
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            pub = id(expect(201, as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Formats\",\"visibility\":\"public\"}")));
            String to = "/api/library/folders/" + pub + "/documents?name=";

            // one word of its own inside each format; English documents are stemmed
            expect(201, upload(somep, ayse, to + "a.pdf&language=en&year=2012&type=report&country=GB", OfficeFiles.pdf("Neighbourhood officers patrolled with the axolotl team."), null));
            expect(201, upload(somep, ayse, to + "b.docx&language=de&year=2016&type=study&country=DE", OfficeFiles.docx("Die Polizeien nutzen Kakapo-Karten."), null));
            expect(201, upload(somep, ayse, to + "c.odt&language=tr&year=2016&type=guideline&country=TR", OfficeFiles.odt("Polis ve pangolin kullanımı."), null));
            expect(201, upload(somep, ayse, to + "d.pptx&language=en&year=2020&type=presentation", OfficeFiles.pptx("Slide about the quetzal <script>alert(1)</script> patrols."), null));
            for (String word : new String[] {"axolotl", "kakapo", "pangolin", "quetzal"}) assertEquals(1, total(somep, "q=" + word), word);
            assertEquals(1, total(somep, "q=" + q("axolotl patrolling officer")), "English stemming: patrolling finds patrolled, officer officers");
            assertEquals(1, total(somep, "q=" + q("Polizei Kakapo-Karte")), "German stemming: Polizei finds Polizeien, Karte Karten");
            assertEquals(1, total(somep, "q=" + q("POLİS pangolin")), "Turkish folding");
            assertEquals(0, total(somep, "q=" + q("axolotl Kakapo")), "every word must match");

            // filters by type, year, language and country, alone and together
            assertEquals(2, total(somep, "year=2016&q=&type=&language=&country="));
            assertEquals(1, total(somep, "year=2016&language=tr"));
            assertEquals(1, total(somep, "type=presentation"));
            assertEquals(1, total(somep, "country=gb&q=axolotl"));
            assertEquals(0, total(somep, "country=DE&q=axolotl"));

            // highlighted passages are text: the page escapes the markup a document holds and marks the match
            String found = expect(200, as(somep, null, "GET", "/api/library/search?q=quetzal", null)).body();
            assertTrue(found.contains("{\"text\":\"quetzal\",\"hit\":true}"), found);
            String page = somep.get("/library/search?q=quetzal").body();
            assertTrue(page.contains("<mark>quetzal</mark>") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
            assertFalse(page.contains("<script>alert(1)"), page);
            assertEquals(200, somep.get("/library/search?q=" + q("title:(\"unclosed")).statusCode(), "broken syntax is taken as words");

            // members-only documents: no title and no passage for guests
            expect(201, upload(somep, ayse, to + "m.txt&visibility=members&title=" + q("Tapir memo"), "The tapir plan.".getBytes(StandardCharsets.UTF_8), null));
            assertEquals(0, total(somep, "q=tapir"));
            assertFalse(somep.get("/library/search?q=tapir").body().contains("Tapir memo"));
            assertEquals(1, LibraryIT.total(somep, ayse, "q=tapir"));
        }

        // the index is a cache of the database: its folder deleted, the next start rebuilds it
        assertTrue(Files.isDirectory(index), "the index lives in the plugin's data folder: " + index);
        try (Stream<Path> s = Files.walk(index)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        try (TestSomep somep = TestSomep.builder().database(db).home(home).set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            for (String word : new String[] {"axolotl", "kakapo", "pangolin", "quetzal", "axolotl+patrolling"}) assertEquals(1, total(somep, "q=" + word), word);
            assertEquals(9, total(somep, "q=" + q("short guide")), "the shipped guides too");
        }
    }
}
