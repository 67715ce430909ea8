package eu.somep.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.forum.internal.Sanitizer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What users write is stored as allow-listed HTML only: formatting stays, scripts and tricks go. */
class SanitizerTest {
    private static String html(String s) {
        return Sanitizer.html(s, Set.of("ayse", "trainer")::contains);
    }

    @Test
    void plain_text_becomes_escaped_paragraphs() {
        String out = html("Hello <b>you</b>".replace("<", "&lt;"));
        assertFalse(out.contains("<b>"), "typed entities stay text: " + out);
        String two = html("First line\nsecond line\n\nNext");
        assertTrue(two.startsWith("<p>First line<br />second line</p><p>Next</p>"), two);
    }

    @Test
    void allowed_formatting_stays_and_everything_dangerous_goes() {
        String out = html("<p>A <b>bold</b> <a href=\"https://example.org\">link</a></p><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a><p onclick=\"alert(4)\" style=\"color:red\">y</p>"
                + "<iframe src=\"https://evil\"></iframe><svg onload=alert(5)></svg>");
        assertTrue(out.contains("<b>bold</b>"), out);
        assertTrue(out.contains("href=\"https://example.org\"") && out.contains("nofollow") && out.contains("noopener"), out);
        for (String bad : new String[] {"<script", "onerror", "javascript:", "onclick", "style=", "<iframe", "<svg", "onload", "<img"}) {
            assertFalse(out.toLowerCase().contains(bad), bad + " in " + out);
        }
    }

    @Test
    void mentions_of_real_accounts_are_marked() {
        String out = html("Thanks @ayse and @nobody, mail me at x@trainer.org").replace("&#64;", "@");
        assertTrue(out.contains("<span class=\"mention\">@ayse</span>"), out);
        assertFalse(out.contains("mention\">@nobody"), out);
        assertFalse(out.contains("mention\">@trainer"), "an e-mail address is no mention: " + out);
    }

    @Test
    void text_of_html_for_quotes() {
        assertEquals("a < b & c\nnext", Sanitizer.text(html("a < b & c\n\nnext")).replace("\n\n", "\n"));
    }

    @Test
    void a_little_markdown() {
        String out = html("**Bold** and *italic* with `code` and [a link](https://example.org/x)\n\n- one\n- two & three\n\n> quoted\n> more");
        assertTrue(out.contains("<strong>Bold</strong>") && out.contains("<em>italic</em>") && out.contains("<code>code</code>"), out);
        assertTrue(out.contains("<a href=\"https://example.org/x\"") && out.contains(">a link</a>"), out);
        assertTrue(out.contains("<ul><li>one</li><li>two &amp; three</li></ul>"), out);
        assertTrue(out.contains("<blockquote><p>quoted<br />more</p></blockquote>"), out);
        assertFalse(html("[x](javascript:alert(1))").contains("href"), "only http and https links");
    }
}
