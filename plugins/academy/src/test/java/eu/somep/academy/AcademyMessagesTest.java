package eu.somep.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The theme's messages exist in English, Turkish and German; the files it names are in the bundle. */
class AcademyMessagesTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = AcademyMessagesTest.class.getClassLoader().getResourceAsStream("i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void turkish_and_german_have_exactly_the_english_keys() throws IOException {
        var en = new TreeSet<>(load("academy").stringPropertyNames());
        assertEquals(en, new TreeSet<>(load("academy_tr").stringPropertyNames()));
        assertEquals(en, new TreeSet<>(load("academy_de").stringPropertyNames()));
    }

    @Test
    void every_key_used_in_code_exists() throws IOException {
        Properties en = load("academy");
        Pattern key = Pattern.compile("\"(academy\\.[a-z0-9.]+)\"");
        try (var files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".ftlh")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).matches(".*\\.(css|svg|ftlh)")) continue; // a file name, not a key
                    assertTrue(en.containsKey(m.group(1)), m.group(1) + " used in " + f.getFileName());
                }
            }
        }
    }

    @Test
    void the_stylesheets_logo_and_templates_it_names_are_shipped() {
        AcademyTheme t = new AcademyTheme(null);
        ClassLoader cl = getClass().getClassLoader();
        for (String css : t.stylesheets()) assertNotNull(cl.getResource("static/" + css), css);
        assertNotNull(cl.getResource("static/" + t.logo().orElseThrow()));
        t.templates().values().forEach(tpl -> assertNotNull(cl.getResource("templates/" + tpl), tpl));
    }
}
