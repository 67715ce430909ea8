package eu.somep.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile values for every input: markup that would run script if printed raw (each sets {@code window.__pwned}),
 * SQL and template injection, path traversal, awkward Unicode (in the spirit of the Big List of Naughty Strings,
 * written here rather than copied), over-long text, and JSON values of the wrong type or shape.
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

    static List<String> strings() {
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
                "\u0001\u0002\u001f control", " leading and trailing spaces ",
                // lengths
                "a".repeat(256), "b".repeat(4_096), "ç".repeat(70_000)));
        return all;
    }

    /** Raw JSON values of the wrong type or shape (the body is otherwise valid). */
    static List<String> jsonValues() {
        return List.of("12345", "-1", "1e400", "true", "null", "[]", "[\"a\",1]", "{}", "{\"$ne\":null}", "\"\\ud800 lone surrogate\"",
                "\"\\u0000nul\"", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));
    }
}
