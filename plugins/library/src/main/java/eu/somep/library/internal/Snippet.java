package eu.somep.library.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the highlighter's best passage as plain and matching pieces of text, never as markup: the template escapes
 * every piece and marks the matching ones, so a document's text can never inject HTML into a results page.
 */
public final class Snippet extends PassageFormatter {
    /** One piece of a passage. */
    public record Piece(String text, boolean hit) {
    }

    /** Plain text kept on either side of a match inside a long passage. */
    static final int AROUND = 90;

    /** Sentences, joined or cut to about two lines of a results page. */
    static BreakIterator breaks() {
        return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), 200, 0.3f);
    }

    @Override
    public Object format(Passage[] passages, String content) {
        List<Piece> out = new ArrayList<>();
        if (passages.length == 0) return out;
        Passage p = passages[0];
        if (p.getStartOffset() > 0) out.add(new Piece("… ", false));
        int at = p.getStartOffset();
        for (int i = 0; i < p.getNumMatches(); i++) {
            int start = p.getMatchStarts()[i], end = p.getMatchEnds()[i];
            if (start < at) continue; // overlapping matches (one word, two fields of the query)
            plain(out, content.substring(at, start), out.size() <= 1, false);
            out.add(new Piece(content.substring(start, end), true));
            at = end;
        }
        plain(out, content.substring(at, p.getEndOffset()), false, true);
        if (p.getEndOffset() < content.length() && !(out.get(out.size() - 1).text().endsWith("…"))) out.add(new Piece(" …", false));
        return out;
    }

    /** Whitespace collapsed; a long stretch before the first match or after the last is cut near the match. */
    private static void plain(List<Piece> out, String s, boolean leading, boolean trailing) {
        String t = s.replaceAll("\\s+", " ");
        if (leading && t.length() > AROUND) {
            t = t.substring(t.length() - AROUND);
            if (out.isEmpty()) out.add(new Piece("… ", false));
        }
        if (trailing && t.length() > AROUND * 2) t = t.substring(0, AROUND * 2) + " …";
        if (!t.isEmpty()) out.add(new Piece(t, false));
    }
}
