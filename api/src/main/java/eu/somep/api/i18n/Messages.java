package eu.somep.api.i18n;

import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's messages: each bundle ships {@code i18n/<component>.properties} (English) and
 * {@code _tr}, {@code _de} variants; keys start with the component name. Missing keys fall back to
 * the kernel's messages, then English, then the key itself.
 */
@ProviderType
public interface Messages {

    /** The message for the current request's language, with {@code {0}}-style arguments filled in. */
    String get(String key, Object... args);

    String get(Locale locale, String key, Object... args);

    /** The language of the current request (the user's choice, else the browser's, else English). */
    Locale locale();
}
