package eu.somep.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Hostile values for every input: markup that would run script if printed raw (each sets {@code window.__pwned}),
 * SQL and template injection, path traversal, awkward Unicode, over-long text, JSON values of the wrong type or
 * shape, and the whole Big List of Naughty Strings (shipped as test data under {@code blns/} with its MIT licence).
 */
final class HostilePayloads {
    private HostilePayloads() {
    }

    /** Strings that would run script if a page printed them unescaped. */
    static final List<String> MARKUP = List.of(
            "<script>window.__pwned=1</script>",
            "\"><img src=x onerror=\"window.__pwned=1\">",
            "'><svg/onload=window.__pwned=1>",
            "</textarea></title><script>window.__pwned=1</script>",
            "<a href=\"javascript:window.__pwned=1\">click</a>",
            "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
            "<details open ontoggle=window.__pwned=1>");

    static final Path BLNS = Path.of("src/test/resources/blns/blns.json");

    /** SOMEP's own strings (markup first), then every string of the Big List of Naughty Strings not among them. */
    private static final List<String> ALL = load();

    static List<String> strings() {
        return ALL;
    }

    /** The strings written for SOMEP (markup, injection, traversal, Unicode, lengths), without the BLNS. */
    static List<String> own() {
        List<String> all = new ArrayList<>(MARKUP);
        all.addAll(List.of(
                // SQL, template and expression injection
                "' OR '1'='1", "'; DROP TABLE somep_user; --", "1); DELETE FROM forum_post; --", "\\'; SELECT 1; --",
                "${7*7}", "#{7*7}", "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}", "{{7*7}}",
                // path traversal
                "../../../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd%00.png",
                "file:///etc/passwd",
                // Unicode: scripts, combining marks, emoji sequences, direction overrides, invisible characters
                "Ω≈ç√∫˜µ≤≥÷", "田中さんにあげて下さい", "مرحبا بالعالم", "שָׁלוֹם", "Ğüşİöç ıI", "Straße ß ẞ",
                "👩‍👩‍👧‍👦🏳️‍🌈🇹🇷", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "\u202Egnirts desrever\u202C", "zero\u200Bwidth\u200Djoiner\uFEFF",
                "tab\there\r\nnew line", "back\\slash \"quoted\" 'single'", "null", "undefined", "NaN", "-0", "0x41", "1e309",
                "\u0001\u0002\u001f control", " leading and trailing spaces ", "nul \u0000 inside",
                // lengths
                "a".repeat(256), "b".repeat(4_096), "ç".repeat(70_000)));
        return all;
    }

    /**
     * A few strings for a property that does not get them all: the markup always, then {@code n} others taken
     * in turn from where the previous property's sample ended ({@code turn} counts the properties), so that the
     * sampled properties together still see the whole list.
     */
    static List<String> sample(int turn, int n) {
        List<String> out = new ArrayList<>(MARKUP);
        int rest = ALL.size() - MARKUP.size();
        for (int i = 0; i < n; i++) out.add(ALL.get(MARKUP.size() + (turn * n + i) % rest));
        return out;
    }

    /** Raw JSON values of the wrong type or shape (the body is otherwise valid). */
    static List<String> jsonValues() {
        return List.of("12345", "-1", "1e400", "true", "null", "[]", "[\"a\",1]", "{}", "{\"$ne\":null}", "\"\\ud800 lone surrogate\"",
                "\"\\u0000nul\"", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
    }

    /** {@code n} of the JSON values that are not nested deep (those cost the parser, not the property), taken in turn. */
    static List<String> jsonSample(int turn, int n) {
        List<String> shallow = jsonValues().subList(0, jsonValues().size() - 2);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(shallow.get((turn * n + i) % shallow.size()));
        return out;
    }

    private static List<String> load() {
        LinkedHashSet<String> all = new LinkedHashSet<>(own());
        // read from the module's folder, as logging.properties is: this pom-packaged module does not copy test resources
        try (InputStream in = Files.newInputStream(BLNS)) {
            all.addAll(new ObjectMapper().readValue(in, new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }
}
