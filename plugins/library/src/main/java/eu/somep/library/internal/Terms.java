package eu.somep.library.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for the search index and for queries, normalised the same way: lower case, accents and the Turkish dotted
 * and dotless i folded, so that "Polizei", "POLİS" and "polis" match what a reader types.
 */
public final class Terms {
    /** Longer words are cut to this length (the index column's size). */
    public static final int MAX_LENGTH = 64;
    /** At most this many distinct words of one document are indexed. */
    public static final int MAX_TERMS = 20_000;
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Terms() {
    }

    public static String normalise(String word) {
        String w = word.replace('ı', 'i').replace('İ', 'i').toLowerCase(Locale.ROOT);
        w = MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("");
        w = w.replace("ß", "ss");
        return w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w;
    }

    /** The distinct words of a text, in order of first appearance; single characters are left out. */
    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        Matcher m = WORD.matcher(text);
        while (m.find() && out.size() < MAX_TERMS) {
            String w = normalise(m.group());
            if (w.length() > 1) out.add(w);
        }
        return out;
    }

    /** The words of a query (at most 8). */
    public static List<String> query(String q) {
        List<String> out = new ArrayList<>(of(q));
        return out.size() > 8 ? out.subList(0, 8) : out;
    }
}
