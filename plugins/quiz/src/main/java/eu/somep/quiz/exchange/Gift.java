package eu.somep.quiz.exchange;

import eu.somep.quiz.spi.QuestionType.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the GIFT text format as Moodle documents it: questions separated by blank lines, {@code //}
 * comments, {@code ::title::}, answers in braces ({@code =} right, {@code ~} wrong, {@code %50%} weights,
 * {@code #} feedback, {@code ####} general feedback, {@code ->} matching pairs, {@code #} numerical with
 * {@code value:tolerance} or {@code min..max}, {@code T}/{@code F}, {@code {}} essay, no braces a description),
 * {@code $CATEGORY:} lines and backslash escapes. Errors name the line where the question starts.
 */
public final class Gift {
    private static final String SPECIAL = "~=#{}:";
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)\\]", Pattern.CASE_INSENSITIVE);

    private Gift() {
    }

    public static List<Parsed> read(String src) {
        List<Parsed> out = new ArrayList<>();
        String[] lines = (src.startsWith("\uFEFF") ? src.substring(1) : src).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String category = null;
        StringBuilder block = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.trim().startsWith("//")) continue;
            if (!line.isBlank()) {
                if (block.isEmpty()) start = i + 1;
                block.append(line).append('\n');
                continue;
            }
            if (block.isEmpty()) continue;
            String b = block.toString().trim();
            block.setLength(0);
            if (b.startsWith("$CATEGORY:")) {
                String c = b.substring("$CATEGORY:".length()).trim();
                category = c.contains("/") ? c.substring(c.lastIndexOf('/') + 1).trim() : c;
                if (category.isEmpty()) category = null;
                continue;
            }
            out.add(question("line " + start, category, b));
        }
        return out;
    }

    static Parsed question(String where, String category, String s) {
        String name = null;
        if (s.startsWith("::")) {
            int end = find(s, "::", 2);
            if (end < 0) return Parsed.failed(where, null, "quiz.import.title");
            name = unescape(s.substring(2, end)).trim();
            s = s.substring(end + 2).trim();
        }
        s = FORMAT.matcher(s).replaceFirst("").trim();
        int open = find(s, "{", 0);
        if (open < 0) {
            String text = unescape(s).trim();
            if (text.isEmpty()) return Parsed.failed(where, name, "quiz.import.notext");
            return ok(where, category, "description", name, text, Map.of(), List.of(), "");
        }
        int close = find(s, "}", open + 1);
        if (close < 0) return Parsed.failed(where, name, "quiz.import.unclosed");
        String after = s.substring(close + 1).trim();
        if (find(after, "{", 0) >= 0 || find(s.substring(open + 1, close), "{", 0) >= 0) return Parsed.failed(where, name, "quiz.import.twosets");
        String text = unescape(s.substring(0, open).trim()) + (after.isEmpty() ? "" : " _____ " + unescape(after));
        text = text.trim();
        if (text.isEmpty()) return Parsed.failed(where, name, "quiz.import.notext");
        String body = s.substring(open + 1, close).trim();
        String general = "";
        int gf = find(body, "####", 0);
        if (gf >= 0) {
            general = unescape(body.substring(gf + 4)).trim();
            body = body.substring(0, gf).trim();
        }
        body = FORMAT.matcher(body).replaceFirst("").trim();
        if (body.isEmpty()) return ok(where, category, "essay", name, text, Map.of(), List.of(), general);
        try {
            List<String> tf = split(body, '#');
            String head = tf.get(0).trim().toUpperCase(Locale.ROOT);
            if (List.of("T", "TRUE", "F", "FALSE").contains(head)) {
                boolean right = head.startsWith("T");
                String wrongFb = tf.size() > 1 ? unescape(tf.get(1)).trim() : "";
                String rightFb = tf.size() > 2 ? unescape(tf.get(2)).trim() : "";
                return ok(where, category, "truefalse", name, text, Map.of(), List.of(new Answer("true", right ? 1 : 0, right ? rightFb : wrongFb, 0),
                        new Answer("false", right ? 0 : 1, right ? wrongFb : rightFb, 0)), general);
            }
            if (body.startsWith("#")) return numerical(where, category, name, text, body.substring(1).trim(), general);
            return choices(where, category, name, text, body, general);
        } catch (IllegalArgumentException e) {
            return Parsed.failed(where, name, e.getMessage());
        }
    }

    private static Parsed ok(String where, String category, String type, String name, String text, Map<String, String> options, List<Answer> answers, String general) {
        String n = name == null || name.isBlank() ? text.substring(0, Math.min(60, text.length())) : name;
        return new Parsed(where, category, type, n, text, options, answers, general, null);
    }

    private static Parsed numerical(String where, String category, String name, String text, String body, String general) {
        List<Answer> answers = new ArrayList<>();
        List<String[]> tokens = tokens(body);
        if (tokens.isEmpty() || tokens.size() == 1 && tokens.get(0)[0].isEmpty()) tokens = List.<String[]>of(new String[] {"=", body});
        for (String[] t : tokens) {
            if (t[0].isEmpty() && t[1].isBlank()) continue;
            String v = t[1];
            double fraction = "=".equals(t[0]) || t[0].isEmpty() ? 1 : 0;
            Matcher w = WEIGHT.matcher(v);
            if (w.find()) {
                fraction = Double.parseDouble(w.group(1)) / 100;
                v = v.substring(w.end());
            }
            List<String> fb = split(v, '#');
            String value = unescape(fb.get(0)).trim();
            String feedback = fb.size() > 1 ? unescape(fb.get(1)).trim() : "";
            double tolerance = 0;
            String number;
            try {
                if (value.contains("..")) {
                    double min = Double.parseDouble(value.substring(0, value.indexOf("..")).trim());
                    double max = Double.parseDouble(value.substring(value.indexOf("..") + 2).trim());
                    number = String.valueOf((min + max) / 2);
                    tolerance = Math.abs(max - min) / 2;
                } else if (value.contains(":")) {
                    number = value.substring(0, value.indexOf(':')).trim();
                    tolerance = Double.parseDouble(value.substring(value.indexOf(':') + 1).trim());
                    Double.parseDouble(number);
                } else {
                    number = value;
                    Double.parseDouble(number);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quiz.import.number");
            }
            answers.add(new Answer(number, fraction, feedback, tolerance));
        }
        return ok(where, category, "numerical", name, text, Map.of(), answers, general);
    }

    private static Parsed choices(String where, String category, String name, String text, String body, String general) {
        List<String[]> tokens = tokens(body);
        if (tokens.isEmpty() || !tokens.get(0)[0].isEmpty() && tokens.stream().anyMatch(t -> t[0].isEmpty())) throw new IllegalArgumentException("quiz.import.answers");
        if (tokens.get(0)[0].isEmpty()) {
            if (!tokens.get(0)[1].isBlank()) throw new IllegalArgumentException("quiz.import.answers");
            tokens = tokens.subList(1, tokens.size());
        }
        boolean wrongs = tokens.stream().anyMatch(t -> "~".equals(t[0]));
        boolean pairs = !wrongs && tokens.stream().allMatch(t -> find(t[1], "->", 0) >= 0);
        List<Answer> answers = new ArrayList<>();
        for (String[] t : tokens) {
            String v = t[1];
            if (pairs) {
                int arrow = find(v, "->", 0);
                answers.add(new Answer(unescape(v.substring(0, arrow)).trim(), 0, "", 0, unescape(v.substring(arrow + 2)).trim()));
                continue;
            }
            double fraction = "=".equals(t[0]) ? 1 : 0;
            Matcher w = WEIGHT.matcher(v.trim());
            if (w.find()) {
                fraction = Double.parseDouble(w.group(1)) / 100;
                v = v.trim().substring(w.end());
            }
            List<String> fb = split(v, '#');
            answers.add(new Answer(unescape(fb.get(0)).trim(), fraction, fb.size() > 1 ? unescape(fb.get(1)).trim() : "", 0));
        }
        if (pairs) return ok(where, category, "matching", name, text, Map.of("shuffle", "true"), answers, general);
        if (!wrongs) return ok(where, category, "shortanswer", name, text, Map.of("case", "false"), answers, general);
        boolean single = tokens.stream().anyMatch(t -> "=".equals(t[0]));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("single", String.valueOf(single));
        options.put("shuffle", "true");
        return ok(where, category, "multichoice", name, text, options, answers, general);
    }

    /** The answers of a brace body: [marker, text] pairs, marker "=" or "~" ("" for text before the first marker). */
    static List<String[]> tokens(String body) {
        List<String[]> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String marker = "";
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                cur.append(c).append(body.charAt(++i));
            } else if (c == '=' || c == '~') {
                if (!cur.toString().isBlank() || !marker.isEmpty()) out.add(new String[] {marker, cur.toString()});
                cur.setLength(0);
                marker = String.valueOf(c);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank() || !marker.isEmpty()) out.add(new String[] {marker, cur.toString()});
        return out;
    }

    /** Splits at an unescaped character, keeping escapes for {@link #unescape}. */
    static List<String> split(String s, char at) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == at) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The index of an unescaped occurrence of {@code what} from {@code from}, or -1. */
    static int find(String s, String what, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(what, i)) {
                return i;
            }
        }
        return -1;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || SPECIAL.indexOf(c) >= 0) b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c != '\r') b.append(c);
        }
        return b.toString();
    }

    static String weight(double f) {
        double p = Math.round(f * 100000) / 1000.0;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** One question in GIFT. */
    public static String write(Exported q) {
        StringBuilder b = new StringBuilder("::").append(escape(q.name())).append("::").append(escape(q.text()));
        List<Answer> as = q.answers();
        switch (q.type()) {
            case "description" -> {
                return b.append("\n").toString();
            }
            case "essay" -> b.append("{");
            case "truefalse" -> {
                Answer t = as.get(0);
                Answer f = as.get(1);
                boolean right = t.fraction() >= 0.999;
                Answer r = right ? t : f;
                Answer w = right ? f : t;
                b.append("{").append(right ? "TRUE" : "FALSE");
                if (!w.feedback().isEmpty() || !r.feedback().isEmpty()) b.append("#").append(escape(w.feedback())).append("#").append(escape(r.feedback()));
            }
            case "numerical" -> {
                b.append("{#");
                for (Answer a : as) {
                    b.append("\n\t=");
                    if (a.fraction() < 0.999) b.append('%').append(weight(a.fraction())).append('%');
                    b.append(a.text()).append(':').append(a.tolerance());
                    if (!a.feedback().isEmpty()) b.append('#').append(escape(a.feedback()));
                }
            }
            case "matching" -> {
                b.append("{");
                for (Answer a : as) b.append("\n\t=").append(escape(a.text())).append(" -> ").append(escape(a.match()));
            }
            case "shortanswer" -> {
                b.append("{");
                for (Answer a : as) {
                    b.append("\n\t=");
                    if (a.fraction() < 0.999) b.append('%').append(weight(a.fraction())).append('%');
                    b.append(escape(a.text()));
                    if (!a.feedback().isEmpty()) b.append('#').append(escape(a.feedback()));
                }
            }
            default -> {
                boolean single = "true".equals(q.options().get("single"));
                b.append("{");
                for (Answer a : as) {
                    if (single && a.fraction() >= 0.999) {
                        b.append("\n\t=");
                    } else {
                        b.append("\n\t~");
                        if (Math.abs(a.fraction()) > 1e-9) b.append('%').append(weight(a.fraction())).append('%');
                    }
                    b.append(escape(a.text()));
                    if (!a.feedback().isEmpty()) b.append('#').append(escape(a.feedback()));
                }
            }
        }
        if (!q.generalFeedback().isEmpty()) b.append("\n\t####").append(escape(q.generalFeedback()));
        return b.append("\n}\n").toString();
    }
}
