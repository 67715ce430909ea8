package eu.somep.bestpractice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The numbers behind the server-rendered SVG map and bar charts; the templates draw them. */
final class Charts {
    private Charts() {
    }

    /** Grid positions (column, row) of a tile-grid cartogram of Europe, with EU bodies and the other countries in the data beside it. */
    static final Map<String, int[]> GRID = new LinkedHashMap<>();

    static {
        String[] rows = {
            "IS:1 NO:4 SE:5 FI:6 EU:9",
            "IE:0 GB:1 DK:4 EE:6",
            "BE:2 NL:3 DE:4 PL:5 LV:6",
            "FR:2 LU:3 CZ:4 SK:5 LT:6 UA:7",
            "PT:0 ES:1 CH:3 AT:4 HU:5 RO:6 MD:7",
            "IT:3 SI:4 HR:5 RS:6 BG:7",
            "MT:3 BA:5 ME:6 MK:7 TR:8",
            "AL:6 GR:7 CY:8",
            "CA:0 US:1 AU:3"};
        for (int y = 0; y < rows.length; y++) {
            for (String t : rows[y].split(" ")) {
                String[] p = t.split(":");
                GRID.put(p[0], new int[] {Integer.parseInt(p[1]), y});
            }
        }
    }

    static final String[] SHADES = {"#f1f3f5", "#cfe2ff", "#9ec5fe", "#6ea8fe", "#3d8bfd", "#0a58ca"};

    /** The shade of a count: none, then five steps up to the largest count. */
    static int step(long count, long max) {
        if (count <= 0 || max <= 0) return 0;
        return (int) Math.max(1, Math.min(5, Math.ceil(count * 5.0 / max)));
    }

    static List<Views.Tile> tiles(Map<String, Long> counts, java.util.function.Function<String, String> name) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Views.Tile> out = new ArrayList<>();
        Map<String, int[]> grid = new LinkedHashMap<>(GRID);
        int extra = 5;
        for (String code : new TreeMap<>(counts).keySet()) if (!grid.containsKey(code)) grid.put(code, new int[] {extra++, 8}); // a country without a place
        grid.forEach((code, p) -> {
            long n = counts.getOrDefault(code, 0L);
            int s = step(n, max);
            out.add(new Views.Tile(code, name.apply(code), p[0], p[1], n, SHADES[s], s >= 4 ? "#ffffff" : "#212529"));
        });
        return out;
    }

    static List<Views.Shade> legend(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Views.Shade> out = new ArrayList<>();
        out.add(new Views.Shade("0", SHADES[0]));
        for (int s = 1; s <= 5; s++) {
            long lo = (long) Math.floor((s - 1) * max / 5.0) + 1, hi = (long) Math.floor(s * max / 5.0);
            if (hi < lo) continue;
            out.add(new Views.Shade(lo == hi ? Long.toString(lo) : lo + "–" + hi, SHADES[s]));
        }
        return out;
    }

    /** Bars up to 300 units wide for the largest count. */
    static List<Views.Bar> bars(Map<String, String> labels, Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Views.Bar> out = new ArrayList<>();
        labels.forEach((k, label) -> {
            long n = counts.getOrDefault(k, 0L);
            out.add(new Views.Bar(k, label, n, (int) Math.round(300.0 * n / Math.max(1, max))));
        });
        return out;
    }
}
