package eu.somep.library.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A short passage of a text around the first word that matches a query, cut into plain and matching pieces; the
 * template escapes every piece and marks the matching ones, so highlighting never builds HTML from text.
 */
public final class Snippet {
    /** One piece of a passage. */
    public record Piece(String text, boolean hit) {
    }

    static final int AROUND = 90;

    private Snippet() {
    }

    /** The passage (empty when no word of the text matches). */
    public static List<Piece> of(String text, Collection<String> terms) {
        if (text == null || text.isEmpty() || terms.isEmpty()) return List.of();
        Matcher m = Terms.WORD.matcher(text);
        int first = -1;
        while (m.find()) {
            if (terms.contains(Terms.normalise(m.group()))) {
                first = m.start();
                break;
            }
        }
        if (first < 0) return List.of();
        int from = Math.max(0, first - AROUND), to = Math.min(text.length(), first + AROUND * 2);
        while (from > 0 && from < first && !Character.isWhitespace(text.charAt(from - 1))) from++;
        while (to < text.length() && to > first && !Character.isWhitespace(text.charAt(to - 1))) to--;
        if (to <= first) to = Math.min(text.length(), first + AROUND * 2);
        String window = text.substring(from, to).replaceAll("\\s+", " ");
        List<Piece> out = new ArrayList<>();
        if (from > 0) out.add(new Piece("… ", false));
        Matcher w = Terms.WORD.matcher(window);
        int at = 0;
        while (w.find()) {
            if (!terms.contains(Terms.normalise(w.group()))) continue;
            if (w.start() > at) out.add(new Piece(window.substring(at, w.start()), false));
            out.add(new Piece(w.group(), true));
            at = w.end();
        }
        if (at < window.length()) out.add(new Piece(window.substring(at), false));
        if (to < text.length()) out.add(new Piece(" …", false));
        return out;
    }
}
