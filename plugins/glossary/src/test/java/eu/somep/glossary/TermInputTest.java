package eu.somep.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.glossary.internal.TermInput;
import eu.somep.glossary.internal.TermInput.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermInputTest {
    @Test
    void english_is_required_and_other_languages_are_optional() {
        assertEquals(List.of("glossary.error.english"), new TermInput(Map.of("tr", new Text("Trol", "Tanım"))).problems());
        assertTrue(new TermInput(Map.of("en", new Text(" Troll ", "Definition"), "de", new Text("", ""))).problems().isEmpty());
        assertEquals(List.of("en"), List.copyOf(new TermInput(Map.of("en", new Text("Troll", "D"), "de", new Text(" ", ""))).given().keySet()));
    }

    @Test
    void a_language_given_needs_both_a_name_and_a_definition_within_limits() {
        assertEquals(List.of("glossary.error.definition"), new TermInput(Map.of("en", new Text("Troll", ""))).problems());
        assertEquals(List.of("glossary.error.name"), new TermInput(Map.of("en", new Text("x".repeat(121), "D"))).problems());
        assertEquals(List.of("glossary.error.language"), new TermInput(Map.of("en", new Text("a", "b"), "fr", new Text("a", "b"))).problems());
    }

    @Test
    void one_translation_is_checked_alone() {
        assertTrue(TermInput.problems("de", new Text("Troll", "Definition")).isEmpty());
        assertEquals(List.of("glossary.error.english"), TermInput.problems("en", new Text(" ", "")));
        assertEquals(List.of("glossary.error.definition"), TermInput.problems("tr", new Text("Trol", "")));
        assertEquals(List.of("glossary.error.language"), TermInput.problems("fr", new Text("Troll", "D")));
    }
}
