package eu.somep.core.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Hands configurations to OSGi Config Admin, which DS passes to the plugin's component ({@code @Modified}, else a
 * restart of that component). Reached by reflection: Config Admin's interfaces are loaded inside its own bundle,
 * and the kernel's class path holds a different copy of them, so the types cannot be shared.
 */
final class ConfigAdminBridge {
    private static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private final BundleContext context;

    ConfigAdminBridge(BundleContext context) {
        this.context = context;
    }

    /**
     * Replaces configuration {@code pid} with these properties. Values are text (lists as {@code String[]}); DS
     * converts them to the types of the plugin's configuration annotation. The location {@code "?"} lets whichever
     * bundle designates the pid receive it, also after the plugin was updated or installed again.
     */
    void update(String pid, Map<String, Object> properties) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(ADMIN, null);
            if (refs == null || refs.length == 0) throw new IllegalStateException("Config Admin is not running");
            Object admin = context.getService(refs[0]);
            try {
                Class<?> type = interfaceNamed(admin.getClass(), ADMIN);
                Object config = type.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
                Class<?> configType = interfaceNamed(config.getClass(), "org.osgi.service.cm.Configuration");
                Dictionary<String, Object> dict = new Hashtable<>(properties);
                Method update = configType.getMethod("update", Dictionary.class);
                update.invoke(config, dict);
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Config Admin refused " + pid + ": " + e.getCause(), e.getCause());
        } catch (InvalidSyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach Config Admin: " + e, e);
        }
    }

    /** Deletes configuration {@code pid}, if Config Admin has it: its component goes back to its defaults. */
    void delete(String pid) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(ADMIN, null);
            if (refs == null || refs.length == 0) throw new IllegalStateException("Config Admin is not running");
            Object admin = context.getService(refs[0]);
            try {
                Class<?> type = interfaceNamed(admin.getClass(), ADMIN);
                String filter = "(service.pid=" + pid.replace("\\", "\\5c").replace("(", "\\28").replace(")", "\\29").replace("*", "\\2a") + ")";
                Object[] configs = (Object[]) type.getMethod("listConfigurations", String.class).invoke(admin, filter);
                if (configs == null) return;
                for (Object config : configs) interfaceNamed(config.getClass(), "org.osgi.service.cm.Configuration").getMethod("delete").invoke(config);
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Config Admin did not delete " + pid + ": " + e.getCause(), e.getCause());
        } catch (InvalidSyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach Config Admin: " + e, e);
        }
    }

    private static Class<?> interfaceNamed(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            var found = Arrays.stream(k.getInterfaces()).filter(i -> i.getName().equals(name)).findFirst();
            if (found.isPresent()) return found.get();
        }
        throw new IllegalStateException(c + " does not implement " + name);
    }
}
