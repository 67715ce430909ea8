package eu.somep.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.quiz.exchange.Exported;
import eu.somep.quiz.exchange.Gift;
import eu.somep.quiz.exchange.MoodleXml;
import eu.somep.quiz.exchange.Parsed;
import eu.somep.quiz.spi.QuestionType.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** GIFT and Moodle XML files written for these tests: every supported type, malformed input, an XML bomb, an external entity, and a round trip. */
class ExchangeTest {
    static String file(String name) throws IOException {
        try (InputStream in = ExchangeTest.class.getResourceAsStream("/exchange/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Parsed> byName(List<Parsed> ps) {
        return ps.stream().collect(Collectors.toMap(Parsed::name, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void gift_reads_every_type() throws IOException {
        Map<String, Parsed> q = byName(Gift.read(file("all-types.gift")));
        assertEquals(List.of("Platforms", "Verify", "Public", "Acronym", "Year", "Range", "Match", "Reflect", "Intro", "Escapes"), List.copyOf(q.keySet()));
        assertTrue(q.values().stream().allMatch(Parsed::ok));
        assertTrue(q.values().stream().allMatch(p -> "Social media basics".equals(p.category())));
        Parsed mc = q.get("Platforms");
        assertEquals("multichoice", mc.type());
        assertEquals("false", mc.options().get("single"));
        assertEquals(new Answer("Mastodon", 0.5, "Yes, a federated one.", 0), mc.answers().get(0));
        assertEquals(-1.0, mc.answers().get(2).fraction());
        assertEquals("Networks let people publish to followers.", mc.generalFeedback());
        assertEquals("true", q.get("Verify").options().get("single"));
        Parsed tf = q.get("Public");
        assertEquals(List.of(new Answer("true", 1, "Correct.", 0), new Answer("false", 0, "Public means public.", 0)), tf.answers());
        assertEquals("shortanswer", q.get("Acronym").type());
        assertEquals(0.5, q.get("Acronym").answers().get(1).fraction());
        assertEquals(new Answer("2006", 1, "", 0), q.get("Year").answers().get(0));
        assertEquals(new Answer("3.0", 1, "", 2), q.get("Range").answers().get(0));
        assertEquals(new Answer("YouTube", 0, "", 0, "Video sharing"), q.get("Match").answers().get(1));
        assertEquals("essay", q.get("Reflect").type());
        assertEquals("description", q.get("Intro").type());
        assertEquals("Is 2 = 2 {always}: yes or no?", q.get("Escapes").text());
    }

    @Test
    void gift_malformed_questions_are_skipped_with_reasons() throws IOException {
        List<Parsed> ps = Gift.read(file("malformed.gift"));
        assertEquals(List.of("quiz.import.unclosed", "ok", "ok", "quiz.import.number", "quiz.import.twosets", "quiz.import.title"),
                ps.stream().map(p -> p.ok() ? "ok" : p.error()).toList());
        assertEquals("line 2", ps.get(0).where());
    }

    @Test
    void xml_reads_every_type_and_names_the_unsupported() throws Exception {
        Map<String, Parsed> q = byName(MoodleXml.read(file("all-types.xml")));
        assertEquals("Which of these are social networks?", q.get("Platforms").text(), "HTML becomes plain text");
        assertEquals("false", q.get("Platforms").options().get("single"));
        assertEquals("Imported", q.get("Platforms").category());
        assertEquals(1.0, q.get("Public").answers().get(0).fraction());
        assertEquals(List.of(new Answer("2006", 1, "", 0)), q.get("Year").answers());
        assertEquals(new Answer("", 0, "", 0, "Fax"), q.get("Match").answers().get(2));
        assertEquals("essay", q.get("Reflect").type());
        assertEquals("description", q.get("Intro").type());
        assertEquals("quiz.import.unsupported:calculated", q.get("Formula").error());
        assertTrue(q.get("No right answer").ok(), "read; the type's check refuses it on import");
    }

    @Test
    void xml_bombs_external_entities_and_broken_files_are_refused() throws IOException {
        assertEquals("quiz.import.doctype", assertThrows(MoodleXml.Refused.class, () -> MoodleXml.read(file("bomb.xml"))).getMessage());
        MoodleXml.Refused xxe = assertThrows(MoodleXml.Refused.class, () -> MoodleXml.read(file("xxe.xml")));
        assertEquals("quiz.import.doctype", xxe.getMessage());
        assertTrue(!xxe.detail.contains("root:"), "nothing of the file leaks");
        assertEquals("quiz.import.malformed", assertThrows(MoodleXml.Refused.class, () -> MoodleXml.read(file("malformed.xml"))).getMessage());
        assertEquals("quiz.import.notquiz", assertThrows(MoodleXml.Refused.class, () -> MoodleXml.read("<html/>")).getMessage());
    }

    @Test
    void export_reads_back_the_same() throws Exception {
        List<Exported> qs = List.of(
                new Exported("Week 1", "multichoice", "Pick", "Which: a {b} = c?", Map.of("single", "false", "shuffle", "true"),
                        List.of(new Answer("A#1", 0.5, "fb ~", 0), new Answer("B", 0.5, "", 0), new Answer("C", -1, "", 0)), "General"),
                new Exported("Week 1", "truefalse", "TF", "Sky is blue.", Map.of(), List.of(new Answer("true", 1, "Yes", 0), new Answer("false", 0, "No", 0)), ""),
                new Exported("Week 1", "shortanswer", "SA", "Capital?", Map.of("case", "true"), List.of(new Answer("Ankara", 1, "", 0)), ""),
                new Exported("Week 1", "numerical", "NU", "Pi?", Map.of(), List.of(new Answer("3.14", 1, "", 0.01)), ""),
                new Exported("Week 1", "matching", "MA", "Match.", Map.of("shuffle", "true"), List.of(new Answer("a", 0, "", 0, "1"), new Answer("b", 0, "", 0, "2")), ""),
                new Exported("Week 1", "essay", "ES", "Write.", Map.of(), List.of(), "Look for facts."),
                new Exported("Week 1", "description", "DE", "Read this.", Map.of(), List.of(), ""));
        List<Parsed> xml = MoodleXml.read(MoodleXml.write(qs));
        String gift = "$CATEGORY: Week 1\n\n" + qs.stream().map(Gift::write).collect(Collectors.joining("\n"));
        List<Parsed> g = Gift.read(gift);
        for (List<Parsed> back : List.of(xml, g)) {
            assertEquals(qs.size(), back.size(), gift);
            for (int i = 0; i < qs.size(); i++) {
                Exported e = qs.get(i);
                Parsed p = back.get(i);
                assertTrue(p.ok(), p.toString());
                assertEquals(e.type(), p.type());
                assertEquals(e.name(), p.name());
                assertEquals(e.text(), p.text());
                assertEquals(e.answers(), p.answers(), e.name());
                if (!"description".equals(e.type())) assertEquals(e.generalFeedback(), p.generalFeedback(), e.name());
                assertEquals("Week 1", p.category());
            }
        }
    }

    @Test
    void hostile_text_is_kept_as_sent_and_deep_nesting_is_refused() throws Exception {
        // plain text that looks like markup, and a BOM inside the text, stay as they were sent (only a leading BOM is dropped)
        String text = "</textarea><script>x</script> zero\uFEFF";
        String xml = "\uFEFF<quiz><question type=\"essay\"><name><text>N</text></name><questiontext format=\"plain_text\"><text>"
                + text.replace("<", "&lt;") + "</text></questiontext></question></quiz>";
        assertEquals(text, MoodleXml.read(xml).get(0).text());
        assertEquals(text, Gift.read("\uFEFF::N::" + text + "{}").get(0).text());
        // reading the text of elements nested 100 000 deep recursed until the stack overflowed
        String deep = "<quiz><question type=\"essay\"><questiontext><text>" + "<b>".repeat(100_000) + "</b>".repeat(100_000) + "</text></questiontext></question></quiz>";
        assertEquals("quiz.import.malformed", assertThrows(MoodleXml.Refused.class, () -> MoodleXml.read(deep)).getMessage());
    }
}
