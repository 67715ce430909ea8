package eu.somep.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kernel ships every message in English, Turkish and German, and every key its templates use exists. */
class MessagesCompletenessTest {
    private final MessageCatalog kernel = new MessageCatalog("kernel", getClass().getClassLoader(), null);

    @Test
    void turkish_and_german_have_exactly_the_english_keys() {
        Set<String> en = new TreeSet<>(kernel.keys("en"));
        assertTrue(en.size() > 20);
        for (String lang : new String[] {"tr", "de"}) {
            assertEquals(en, new TreeSet<>(kernel.keys(lang)), "keys of kernel_" + lang + ".properties");
            for (String k : en) assertTrue(!kernel.get(java.util.Locale.forLanguageTag(lang), k).isBlank(), k + " in " + lang);
        }
    }

    @Test
    void every_message_key_a_kernel_template_uses_exists() throws IOException {
        Pattern literal = Pattern.compile("msg\\(\"(kernel\\.[a-z0-9.]+)\"\\)");
        try (var files = Files.walk(Path.of("src/main/resources/templates/kernel"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) assertTrue(kernel.has("en", m.group(1)), m.group(1) + " used in " + f.getFileName());
            }
        }
    }

    @Test
    void the_browser_language_picks_a_shipped_language_or_english() {
        assertEquals("de", Languages.best("de-AT,de;q=0.9,en;q=0.5").getLanguage());
        assertEquals("tr", Languages.best("tr-TR").getLanguage());
        assertEquals("en", Languages.best("fr-FR,fr;q=0.9").getLanguage());
        assertEquals("en", Languages.best("not a header;;q=").getLanguage());
        assertEquals("en", Languages.best(null).getLanguage());
    }
}
