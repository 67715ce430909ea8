package eu.somep.library;

import eu.somep.library.internal.Document;
import eu.somep.library.internal.Visibility;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A document's or link's metadata as sent (JSON body, query parameters or form fields); {@link #problems} lists what
 * is wrong as message keys, {@link #apply} copies it onto an entity.
 */
public record Meta(String title, String authors, String year, String language, String country, String type, String description, String tags,
                   String source, String visibility, String url) {

    static String clean(String s, int max) {
        if (s == null) return "";
        String t = s.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** Message keys of the problems; a link needs an http(s) address, a file does not take one. */
    List<String> problems(boolean link, boolean courseFolder) {
        List<String> out = new ArrayList<>();
        if (link && clean(title, 255).isEmpty()) out.add("library.error.title.missing");
        // too long is refused, not cut, so that what is stored is what was sent
        if (clean(title, Integer.MAX_VALUE).length() > 255 || clean(authors, Integer.MAX_VALUE).length() > 1000 || clean(description, Integer.MAX_VALUE).length() > 4000
                || clean(tags, Integer.MAX_VALUE).length() > 1000 || clean(source, Integer.MAX_VALUE).length() > 1000) out.add("library.error.toolong");
        if (year != null && !year.isBlank() && !year.strip().matches("(1[89]|20)\\d\\d")) out.add("library.error.year");
        if (language != null && !language.isBlank() && !language.strip().matches("[A-Za-z]{2}")) out.add("library.error.language");
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) out.add("library.error.country");
        if (type != null && !type.isBlank() && !Document.TYPES.contains(type.strip())) out.add("library.error.doctype");
        String vis = visibility == null || visibility.isBlank() ? null : visibility.strip();
        if (vis != null && (!Visibility.ALL.contains(vis) || (Visibility.COURSE.equals(vis) && !courseFolder))) out.add("library.error.visibility");
        if (link) {
            try {
                URI u = URI.create(url == null ? "" : url.strip());
                if (!("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) || u.getHost() == null || url.length() > 2000) out.add("library.error.url");
            } catch (IllegalArgumentException e) {
                out.add("library.error.url");
            }
        }
        return out;
    }

    /** Copies the metadata onto a document; an empty title becomes {@code fallbackTitle}. */
    void apply(Document d, String fallbackTitle, String folderVisibility) {
        String t = clean(title, 255);
        d.title = t.isEmpty() ? clean(fallbackTitle, 255) : t;
        d.authors = clean(authors, 1000);
        d.year = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
        d.language = clean(language, 2).toLowerCase(Locale.ROOT);
        d.country = clean(country, 2).toUpperCase(Locale.ROOT);
        d.type = type == null || type.isBlank() ? "report" : type.strip();
        d.description = clean(description, 4000);
        d.tags = clean(tags, 1000);
        d.source = clean(source, 1000);
        d.visibility = visibility == null || visibility.isBlank() ? folderVisibility : visibility.strip();
    }

    /** The metadata of a document, to edit. */
    static Meta of(Document d) {
        return new Meta(d.title, d.authors, d.year == null ? "" : d.year.toString(), d.language, d.country, d.type, d.description, d.tags, d.source,
                d.visibility, d.url);
    }
}
