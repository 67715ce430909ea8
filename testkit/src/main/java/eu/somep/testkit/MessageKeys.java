package eu.somep.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message-completeness checks every plugin runs as a unit test:
 * <pre>
 * class GlossaryMessagesTest {
 *     &#64;Test void complete() throws IOException { MessageKeys.assertComplete("glossary"); }
 * }
 * </pre>
 */
public final class MessageKeys {
    /** The languages every plugin ships (English is the file without a suffix). */
    public static final String[] LANGUAGES = {"tr", "de"};

    private MessageKeys() {
    }

    /** Both checks below, over {@code src/main} of the module under test. */
    public static void assertComplete(String component) throws IOException {
        assertSameKeysInEveryLanguage(component);
        assertEveryUsedKeyExists(component, Path.of("src/main"));
    }

    /** {@code i18n/<component>_tr.properties} and {@code _de} have exactly the keys of the English file. */
    public static void assertSameKeysInEveryLanguage(String component) throws IOException {
        var en = new TreeSet<>(load(component).stringPropertyNames());
        for (String lang : LANGUAGES) {
            assertEquals(en, new TreeSet<>(load(component + "_" + lang).stringPropertyNames()), component + "_" + lang + ".properties");
        }
    }

    /** Every quoted {@code "<component>.…"} key in the Java sources and templates under the folder is in the English file. */
    public static void assertEveryUsedKeyExists(String component, Path sources) throws IOException {
        Properties en = load(component);
        Pattern key = Pattern.compile("\"(" + Pattern.quote(component) + "\\.[a-z0-9.]+)\"");
        try (var files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (k.endsWith(".") || k.endsWith(".json")) continue; // a prefix completed at run time, or a file name
                    assertTrue(en.containsKey(k), k + " used in " + f.getFileName());
                }
            }
        }
    }

    /** A message file from the test's class path, read as UTF-8. */
    public static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("i18n/" + name + ".properties")) {
            assertNotNull(in, "i18n/" + name + ".properties");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
