package eu.somep.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin ships every message in English, Turkish and German; every key its code and templates name exists. */
class LibraryMessagesTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = LibraryMessagesTest.class.getClassLoader().getResourceAsStream("i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void turkish_and_german_have_exactly_the_english_keys() throws IOException {
        var en = new TreeSet<>(load("library").stringPropertyNames());
        assertEquals(en, new TreeSet<>(load("library_tr").stringPropertyNames()));
        assertEquals(en, new TreeSet<>(load("library_de").stringPropertyNames()));
    }

    @Test
    void every_key_used_in_code_and_templates_exists() throws IOException {
        Properties en = load("library");
        Pattern key = Pattern.compile("\"(library\\.[a-z0-9.]+)\"");
        try (var files = Files.walk(Path.of("src/main"))) {
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
}
