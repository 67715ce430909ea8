package eu.somep.bestpractice.internal;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
public final class Csv {
    private Csv() {
    }

    /** Thrown for text that is not CSV (a quote left open); {@code line} is where the bad record starts. */
    public static final class Malformed extends Exception {
        public final int line;

        Malformed(int line) {
            super("unclosed quote in the record starting on line " + line);
            this.line = line;
        }
    }

    /** The records of a text, each a list of fields; a UTF-8 byte-order mark and blank lines are skipped. */
    public static List<List<String>> parse(String text) throws Malformed {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        int line = 1, start = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else quoted = false;
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') i++;
                record.add(field.toString());
                if (any || record.size() > 1 || !record.get(0).isBlank()) out.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
                start = ++line;
            } else field.append(c);
        }
        if (quoted) throw new Malformed(start);
        record.add(field.toString());
        if (any || record.size() > 1 || !record.get(0).isBlank()) out.add(record);
        return out;
    }
}
