package eu.somep.glossary.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A term as a form or a JSON body gives it: a name and a definition per language, trimmed. English is required
 * (it is the fallback for readers of other languages); Turkish and German may come later.
 */
public record TermInput(Map<String, Text> texts) {
    public static final List<String> LANGUAGES = List.of("en", "tr", "de");

    /** A name and a definition in one language. */
    public record Text(String name, String definition) {
        public Text {
            name = name == null ? "" : name.strip();
            definition = definition == null ? "" : definition.strip();
        }

        boolean blank() {
            return name.isEmpty() && definition.isEmpty();
        }
    }

    public TermInput {
        Map<String, Text> clean = new LinkedHashMap<>();
        if (texts != null) texts.forEach((lang, t) -> clean.put(lang, t == null ? new Text(null, null) : new Text(t.name(), t.definition())));
        texts = clean;
    }

    /** The languages given with a name or a definition, in the order of {@link #LANGUAGES}. */
    public Map<String, Text> given() {
        Map<String, Text> out = new LinkedHashMap<>();
        for (String l : LANGUAGES) {
            Text t = texts.get(l);
            if (t != null && !t.blank()) out.put(l, t);
        }
        return out;
    }

    /** Message keys of what is wrong; empty when it can be saved. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (String l : texts.keySet()) {
            if (!LANGUAGES.contains(l)) p.add("glossary.error.language");
        }
        Text en = texts.get("en");
        if (en == null || en.blank()) p.add("glossary.error.english");
        for (Text t : given().values()) {
            if (t.name().isEmpty() || t.name().length() > 120) p.add("glossary.error.name");
            if (t.definition().isEmpty() || t.definition().length() > 2000) p.add("glossary.error.definition");
        }
        return p.stream().distinct().toList();
    }

    /** One language's text alone (for PUT of one translation). */
    public static List<String> problems(String lang, Text t) {
        Map<String, Text> one = new LinkedHashMap<>();
        one.put("en", new Text("x", "x")); // stands in for the English text the term already has
        one.put(lang, t);
        return new TermInput(one).problems();
    }
}
