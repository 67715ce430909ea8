package eu.somep.bestpractice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What pages and the API show: records, never entities. */
public final class Views {
    private Views() {
    }

    private static final Pattern HOST = Pattern.compile("^([a-z0-9-]+\\.)+[a-z]{2,}(/[^\\s]*)?$");

    /** A source as text, with a link only when it starts with something that reads as an address (a host, perhaps a path). */
    public record Source(String text, String url) {
        static Source of(String text) {
            String first = text.trim().split("[\\s,]", 2)[0].replaceAll("[:;]$", "");
            // a full http(s) address links as it is; a bare host and path ("bbc.com/news/...") gets https://
            if (first.matches("(?i)https?://[^\\s<>\"]+")) return new Source(text, first);
            return new Source(text, HOST.matcher(first).matches() ? "https://" + first : null);
        }
    }

    public record CaseView(long id, String country, String countryName, String organisation, String year, int yearFrom, int yearTo, String platforms,
                           String category, String categoryName, String summary, String outcome, List<String> sources, boolean composite,
                           String status, int version, Instant modifiedAt) {
        /** The sources with their links, for pages. */
        public List<Source> links() {
            List<Source> out = new ArrayList<>();
            for (String s : sources) out.add(Source.of(s));
            return out;
        }
    }

    public record CategoryView(String key, String name, String description, String lessons, long count) {
    }

    public record CompareRow(String category, String name, List<Long> counts) {
    }

    public record Comparison(List<String> countries, List<String> names, List<CompareRow> rows, List<Long> totals) {
    }

    /** A tile of the map: its grid position, the number of cases and the colours that show it. */
    public record Tile(String code, String name, int x, int y, long count, String fill, String text) {
    }

    public record Bar(String key, String label, long count, int width) {
    }

    public record Shade(String label, String fill) {
    }

    public record VersionView(int version, String organisation, String year, String category, String summary, String outcome, List<String> sources,
                              String status, Instant modifiedAt, String by) {
    }

    public record Rejected(int row, String reason) {
    }

    public record ImportReport(int imported, List<Long> ids, List<Rejected> rejected) {
    }

    /** A case's forum discussion: its page (null until someone starts it) and whether the caller may start it. */
    public record Discussion(String link, boolean canStart) {
    }
}
