package eu.somep.course.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A course as submitted by the form or the API, with its validation (message keys of what is wrong). */
public record CourseInput(long categoryId, String fullname, String shortname, String summary, String lang, boolean visible,
                          LocalDate startDate, LocalDate endDate, boolean selfEnrol, String enrolKey) {
    private static final Pattern SHORTNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    public static final List<String> LANGUAGES = List.of("en", "tr", "de");

    public CourseInput {
        fullname = fullname == null ? "" : fullname.trim();
        shortname = shortname == null ? "" : shortname.trim();
        summary = summary == null ? "" : summary;
        lang = lang == null || lang.isBlank() ? null : lang.trim();
    }

    /** Parses the form's date fields; a bad date becomes a problem rather than an exception. */
    public static LocalDate date(String s, List<String> problems) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.add("course.error.date");
            return null;
        }
    }

    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (fullname.isEmpty() || fullname.length() > 255) out.add("course.error.fullname");
        if (!SHORTNAME.matcher(shortname).matches()) out.add("course.error.shortname");
        if (summary.length() > 20000) out.add("course.error.summary");
        if (lang != null && !LANGUAGES.contains(lang)) out.add("course.error.lang");
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) out.add("course.error.dates");
        if (enrolKey != null && enrolKey.length() > 100) out.add("course.error.key");
        return out;
    }
}
