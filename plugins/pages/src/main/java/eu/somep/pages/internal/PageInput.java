package eu.somep.pages.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What an editor sends for one language version of a page, and what is wrong with it. */
public record PageInput(String slug, String language, String title, String body, String visibility) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final Set<String> LANGUAGES = Set.of("en", "tr", "de");
    public static final Set<String> VISIBILITIES = Set.of("public", "members");

    /** Message keys of the problems, empty when the input is fine. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        // "new" is the address of the form that creates a page
        if (slug == null || !SLUG.matcher(slug).matches() || slug.equals("new")) out.add("pages.error.slug");
        if (language == null || !LANGUAGES.contains(language)) out.add("pages.error.language");
        if (title == null || title.isBlank() || title.length() > 200) out.add("pages.error.title");
        if (body == null || body.isBlank() || body.length() > 100000) out.add("pages.error.body");
        if (visibility == null || !VISIBILITIES.contains(visibility)) out.add("pages.error.visibility");
        return out;
    }
}
