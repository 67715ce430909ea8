package eu.somep.core.routes;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote), comma or semicolon separated. */
final class Csv {
    private Csv() {
    }

    static List<String> split(String line) {
        char sep = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
