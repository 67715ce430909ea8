package eu.somep.core.i18n;

import java.util.List;
import java.util.Locale;

/** The languages SOMEP ships: English, Turkish, German. */
public final class Languages {
    public static final List<String> CODES = List.of("en", "tr", "de");

    private Languages() {
    }

    public static boolean supported(String code) {
        return CODES.contains(code);
    }

    /** The best supported language for an Accept-Language header; English when none fits. */
    public static Locale best(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Locale.ENGLISH;
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), CODES);
            return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
