package eu.somep.core.i18n;

import eu.somep.api.i18n.Messages;
import eu.somep.core.security.Current;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The messages of one component, read once from {@code i18n/<component>.properties} (English) and
 * {@code i18n/<component>_<lang>.properties} (UTF-8) through its class loader. Lookups fall back to the
 * kernel's catalog, then to English, then to the key.
 */
public final class MessageCatalog implements Messages {
    private final Map<String, Properties> byLanguage = new HashMap<>();
    private final MessageCatalog parent;

    public MessageCatalog(String component, ClassLoader loader, MessageCatalog parent) {
        this.parent = parent;
        byLanguage.put("en", load(loader, "i18n/" + component + ".properties"));
        for (String lang : Languages.CODES) {
            if (!lang.equals("en")) byLanguage.put(lang, load(loader, "i18n/" + component + "_" + lang + ".properties"));
        }
    }

    private static Properties load(ClassLoader loader, String path) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read messages " + path, e);
        }
        return p;
    }

    /** The raw message, or null when neither this catalog nor its parent has it. */
    String lookup(String lang, String key) {
        Properties p = byLanguage.get(lang);
        String v = p == null ? null : p.getProperty(key);
        if (v == null && parent != null) v = parent.lookup(lang, key);
        if (v == null && !"en".equals(lang)) v = lookup("en", key);
        return v;
    }

    /** Whether this catalog itself (not its parent) has the key in the language; the completeness test uses it. */
    public boolean has(String lang, String key) {
        Properties p = byLanguage.get(lang);
        return p != null && p.containsKey(key);
    }

    public java.util.Set<String> keys(String lang) {
        return byLanguage.get(lang).stringPropertyNames();
    }

    @Override
    public String get(Locale locale, String key, Object... args) {
        String v = lookup(locale.getLanguage(), key);
        if (v == null) return key;
        return args.length == 0 ? v : new MessageFormat(v, locale).format(args);
    }

    @Override
    public String get(String key, Object... args) {
        return get(locale(), key, args);
    }

    @Override
    public Locale locale() {
        return Current.get().locale();
    }
}
