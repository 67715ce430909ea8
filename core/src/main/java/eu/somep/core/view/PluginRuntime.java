package eu.somep.core.view;

import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.theme.ThemeTemplates;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.MethodAppearanceFineTuner;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kernel keeps per component to render its pages: a Freemarker configuration that reads the
 * component's templates from its own class loader (then the kernel's, for the layout), and its messages.
 * Each has its own object wrapper, so no shared introspection cache keeps a removed plugin's classes alive.
 */
public final class PluginRuntime implements AutoCloseable {
    private final String component;
    private final Configuration freemarker;
    private final DefaultObjectWrapper wrapper;
    private final MessageCatalog messages;

    public PluginRuntime(String component, ClassLoader loader, MessageCatalog messages, ThemeTemplates themes) {
        this.component = component;
        this.messages = messages;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader own = new ClassTemplateLoader(loader, "templates");
        // the active theme's templates first (they answer only to _theme/ names), then the plugin's, then the kernel's
        freemarker.setTemplateLoader(loader == PluginRuntime.class.getClassLoader() ? new MultiTemplateLoader(new TemplateLoader[] {themes.loader(), own})
                : new MultiTemplateLoader(new TemplateLoader[] {themes.loader(), own, new ClassTemplateLoader(PluginRuntime.class.getClassLoader(), "templates")}));
        freemarker.setTemplateLookupStrategy(themes.lookup());
        freemarker.setDefaultEncoding("UTF-8");
        // templates live in jars that never change under a running runtime (a new bundle gets a new runtime)
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, everything escaped
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // A tuner of our own makes the wrapper's class introspection cache private to this plugin.
        b.setMethodAppearanceFineTuner(new OwnTuner());
        b.setExposeFields(true);
        wrapper = b.build();
        freemarker.setObjectWrapper(wrapper);
    }

    /** Rendered fragments ({@code <@cached>}); a new bundle gets a new runtime, so an upgrade starts empty. */
    private static final int MAX_FRAGMENTS = 20_000;
    private final Map<String, String> fragments = new ConcurrentHashMap<>();

    String fragment(String key) { return fragments.get(key); }

    void fragment(String key, String html) {
        if (fragments.size() >= MAX_FRAGMENTS) fragments.clear(); // crude, but a bound; a full cache is rare
        fragments.put(key, html);
    }

    public String component() { return component; }
    public Configuration freemarker() { return freemarker; }
    public MessageCatalog messages() { return messages; }

    @Override
    public void close() {
        freemarker.clearTemplateCache();
        fragments.clear();
        try {
            wrapper.clearClassIntrospectionCache();
        } catch (IllegalStateException e) {
            // shared wrappers refuse; ours is not shared
        }
    }

    private static final class OwnTuner implements MethodAppearanceFineTuner {
        @Override
        public void process(freemarker.ext.beans.BeansWrapper.MethodAppearanceDecisionInput in,
                            freemarker.ext.beans.BeansWrapper.MethodAppearanceDecision out) {
        }
    }
}
