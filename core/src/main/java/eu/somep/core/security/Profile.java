package eu.somep.core.security;

import eu.somep.core.i18n.Languages;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user tells about themselves: name, e-mail, country (ISO 3166-1 alpha-2), organisation or police unit,
 * preferred language (used when they have not picked one in this browser) and time zone.
 */
public record Profile(String displayName, String email, String country, String organisation, String language, String timezone) {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Empty strings become null, countries upper case. */
    public Profile normalised() {
        return new Profile(trim(displayName), trim(email), trim(country) == null ? null : trim(country).toUpperCase(Locale.ROOT),
                trim(organisation), trim(language), trim(timezone));
    }

    /** Message keys of what is wrong, empty when the profile is fine. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (displayName == null || displayName.length() > 255) out.add("kernel.profile.error.name");
        if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) out.add("kernel.profile.error.email");
        if (country != null && !COUNTRIES.contains(country)) out.add("kernel.profile.error.country");
        if (organisation != null && organisation.length() > 255) out.add("kernel.profile.error.organisation");
        if (language != null && !Languages.supported(language)) out.add("kernel.profile.error.language");
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) out.add("kernel.profile.error.timezone");
        return out;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
