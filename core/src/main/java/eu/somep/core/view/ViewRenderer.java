package eu.somep.core.view;

import eu.somep.api.web.View;
import eu.somep.core.i18n.Languages;
import eu.somep.core.security.Current;
import eu.somep.core.theme.ActiveTheme;
import eu.somep.core.theme.Themes;
import eu.somep.core.web.Navigation;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link View} with its component's templates. Every template sees, besides its model:
 * {@code msg("key", args...)}, {@code csrf()}, {@code can("capability")}, {@code date(instant)}, {@code <@cached key>} and {@code somep} (user, signedIn, lang,
 * languages, nav, path).
 */
public final class ViewRenderer {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ViewRenderer.class.getName());
    private final Navigation navigation;
    private final Themes themes;

    public ViewRenderer(Navigation navigation, Themes themes) {
        this.navigation = navigation;
        this.themes = themes;
    }

    public void render(View view, PluginRuntime runtime, Writer out) throws IOException {
        Current cur = Current.get();
        Locale locale = cur.locale();
        Map<String, Object> model = new HashMap<>(view.model());
        Map<String, Object> somep = new HashMap<>();
        somep.put("user", cur.displayName().orElse(null));
        somep.put("signedIn", cur.user().isPresent());
        somep.put("lang", locale.getLanguage());
        somep.put("languages", Languages.CODES);
        somep.put("nav", navigation.links(cur, locale));
        somep.put("path", cur.request() == null ? "/" : cur.request().getRequestURI());
        model.put("somep", somep);
        model.put("msg", (TemplateMethodModelEx) args -> {
            if (args.isEmpty()) throw new TemplateModelException("msg needs a key");
            List<Object> rest = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) rest.add(unwrap(args.get(i)));
            return runtime.messages().get(locale, String.valueOf(unwrap(args.get(0))), rest.toArray());
        });
        model.put("csrf", (TemplateMethodModelEx) args -> cur.csrfToken());
        // templates show what the user may do with the same check the routes use
        model.put("can", (TemplateMethodModelEx) args -> !args.isEmpty() && cur.can(String.valueOf(unwrap(args.get(0)))));
        model.put("date", (TemplateMethodModelEx) args -> args.isEmpty() ? "" : date(args.get(0), locale));
        model.put("cached", (TemplateDirectiveModel) (env, params, loopVars, body) -> cached(runtime, locale, env, params, body));
        ActiveTheme theme = themes.active().orElse(null);
        if (theme == null) {
            somep.put("theme", ActiveTheme.defaultModel());
            process(view, runtime, locale, null, model, out);
            return;
        }
        // a theme must not break pages for everyone: render into a buffer, and on failure again with the kernel's look
        somep.put("theme", theme.model());
        Rewindable page = out instanceof Rewindable r ? r : null;
        int mark = page == null ? 0 : page.mark();
        Writer target = page != null ? out : new StringWriter(16 * 1024);
        try {
            process(view, runtime, locale, theme.key(), model, target);
        } catch (IOException | RuntimeException e) {
            if (page != null) page.rewind(mark);
            somep.put("theme", ActiveTheme.defaultModel());
            process(view, runtime, locale, null, model, out);
            LOG.warning("Theme " + theme.id() + " failed to render " + view.template() + ", shown with the default look: " + e.getMessage());
            return;
        }
        if (page == null) out.write(target.toString());
    }

    private static void process(View view, PluginRuntime runtime, Locale locale, String themeKey, Map<String, Object> model, Writer out)
            throws IOException {
        try {
            runtime.freemarker().getTemplate(view.template(), locale, themeKey, null, true, false).process(model, out);
        } catch (TemplateException e) {
            throw new IOException("Template " + view.template() + " of " + runtime.component() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code <@cached key="…">…</@cached>}: the body is rendered once per key and language, then copied. The key must
     * name everything the body shows (ids, versions, names); nothing that differs between users (a CSRF token, what
     * the viewer may do) belongs inside. Fragments live with the plugin's runtime and are bounded.
     */
    private static void cached(PluginRuntime runtime, Locale locale, Environment env, Map<?, ?> params, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (!(params.get("key") instanceof TemplateScalarModel key)) throw new TemplateModelException("cached needs a key");
        if (body == null) return;
        String k = locale.getLanguage() + '\u0000' + key.getAsString();
        String html = runtime.fragment(k);
        if (html == null) {
            StringWriter w = new StringWriter(512);
            body.render(w);
            html = w.toString();
            runtime.fragment(k, html);
        }
        env.getOut().write(html);
    }

    private static final Map<Locale, DateTimeFormatter> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code date(instant)}: a date and time as people of the page's language write it, in the server's time zone. */
    private static String date(Object arg, Locale locale) throws TemplateModelException {
        Object o = arg instanceof freemarker.template.AdapterTemplateModel a ? a.getAdaptedObject(Object.class)
                : arg instanceof freemarker.ext.util.WrapperTemplateModel w ? w.getWrappedObject() : null;
        TemporalAccessor t = o instanceof Instant i ? i : o instanceof java.util.Date d ? d.toInstant() : null;
        if (t == null) return o == null ? "" : String.valueOf(o);
        // English as written in Europe (25 Nov 2026, 01:38), not the US default of Locale.ENGLISH
        return DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale("en".equals(l.getLanguage()) ? Locale.UK : l).withZone(ZoneId.systemDefault())).format(t);
    }

    private static Object unwrap(Object o) throws TemplateModelException {
        if (o instanceof TemplateScalarModel s) return s.getAsString();
        if (o instanceof freemarker.template.TemplateNumberModel n) return n.getAsNumber();
        return String.valueOf(o);
    }
}
