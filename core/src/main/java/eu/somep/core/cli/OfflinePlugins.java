package eu.somep.core.cli;

import eu.somep.core.config.Settings;
import eu.somep.core.db.Purge;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginRecord;
import eu.somep.core.plugin.PluginState;
import eu.somep.core.plugin.PluginStore;
import eu.somep.core.settings.PluginSettings;
import eu.somep.core.settings.SettingField;
import eu.somep.core.settings.SettingsDescription;
import eu.somep.core.settings.SettingsStore;
import eu.somep.core.settings.SettingsValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The plugin commands of {@code bin/somep} while SOMEP is stopped. They change only what the kernel reads at its
 * next start: jars in {@code deploy/}, the {@code kernel_plugin} rows and the stored settings.
 */
final class OfflinePlugins {
    /** A command that cannot be done; the message says why. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private static final String PENDING = "It is installed at the next start.";
    private final Settings settings;
    private final DataSource ds;
    private final Installation installation;
    private final PluginStore rows;

    OfflinePlugins(Settings settings, DataSource ds) {
        this.settings = settings;
        this.ds = ds;
        this.installation = new Installation(settings);
        this.rows = new PluginStore(ds);
    }

    /** The same shape as {@code GET /api/plugins}; a jar that never ran has the state {@code new}. */
    List<PluginInfo> list() throws IOException {
        Map<String, Installation.Jar> jars = installation.jars();
        Map<String, PluginInfo> out = new java.util.TreeMap<>();
        for (PluginRecord r : rows.all()) out.put(r.component(), info(r, jars));
        for (Installation.Jar j : jars.values()) {
            PluginDescriptor d = j.descriptor();
            PluginRecord r = rows.find(d.component()).orElse(null);
            // a new jar in deploy/ brings back an uninstalled plugin at the next start
            if (r == null || (r.state() == PluginState.UNINSTALLED && j.deployed())) {
                out.put(d.component(), new PluginInfo(d.component(), d.name(), d.description(), d.version(), "new", true, PENDING,
                        d.requires(), requiredBy(d.component(), jars)));
            }
        }
        return new ArrayList<>(out.values());
    }

    PluginInfo info(String component) throws IOException {
        return list().stream().filter(p -> p.component().equals(component)).findFirst()
                .orElseThrow(() -> new Refusal("No plugin named '" + component + "' is known."));
    }

    /** Copies the jar into {@code deploy/} (written aside, then renamed), replacing older jars of the same plugin. */
    String add(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) throw new Refusal("There is no file " + jar + ".");
        PluginDescriptor d;
        try {
            d = Installation.read(jar);
        } catch (IOException | SecurityException e) {
            throw new Refusal(jar.getFileName() + " is not a valid jar: " + e.getMessage());
        }
        String problem = d.manifestProblem();
        if (problem != null) throw new Refusal(problem);
        Map<String, Installation.Jar> jars = installation.jars();
        List<String> missing = d.requires().stream().filter(r -> !jars.containsKey(r) || uninstalled(r, jars)).toList();
        if (!missing.isEmpty()) throw new Refusal("Plugin '" + d.component() + "' needs plugins that are not installed: " + String.join(", ", missing) + ".");
        Path deploy = settings.deployDir();
        Files.createDirectories(deploy);
        List<Path> old = installation.deployed(d.component());
        Path target = deploy.resolve(d.component() + "-" + d.version() + ".jar");
        Path tmp = deploy.resolve(target.getFileName() + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        for (Path p : old) if (!p.equals(target)) Files.deleteIfExists(p);
        return "Copied " + jar.getFileName() + " into " + deploy + " as " + target.getFileName() + "; plugin " + d.component() + " is installed at the next start.";
    }

    /** Removes the plugin's jar from {@code deploy/} and records it as uninstalled, so a shipped one stays away too. */
    String remove(String component, boolean purge) throws IOException, java.sql.SQLException {
        Map<String, Installation.Jar> jars = installation.jars();
        Optional<PluginRecord> row = rows.find(component);
        Installation.Jar jar = jars.get(component);
        if (jar == null && row.isEmpty()) throw new Refusal("No plugin named '" + component + "' is known.");
        List<String> dependents = requiredBy(component, jars).stream().filter(c -> !uninstalled(c, jars)).toList();
        if (!dependents.isEmpty()) throw new Refusal("Plugin '" + component + "' is required by " + String.join(", ", dependents) + "; remove those first.");
        for (Path p : installation.deployed(component)) Files.deleteIfExists(p);
        PluginRecord r = row.orElseGet(() -> new PluginRecord(component, jar.descriptor().symbolicName(), jar.descriptor().version(),
                jar.descriptor().name(), jar.descriptor().description(), jar.path().toUri().toString(), true, PluginState.UNINSTALLED, null, Instant.now()));
        rows.save(r.with(PluginState.UNINSTALLED, "Removed with bin/somep while SOMEP was stopped."));
        if (!purge) return "Plugin " + component + " is uninstalled; its data is kept.";
        List<String> tables = Purge.dropTables(ds, component);
        deleteTree(settings.dataDir().resolve("files").resolve(component));
        return "Plugin " + component + " is uninstalled and its data deleted (" + tables.size() + " table(s) and its files).";
    }

    /** What the administrator wants at the next start: {@code enabled} is the flag the kernel admits plugins by. */
    String enable(String component, boolean wanted) throws IOException {
        boolean known = installation.jars().containsKey(component);
        PluginRecord r = rows.find(component).filter(x -> x.state() != PluginState.UNINSTALLED)
                .orElseThrow(() -> new Refusal(known ? "Plugin '" + component + "' has not run yet; it is enabled at its first start."
                        : "No plugin named '" + component + "' is installed."));
        if (!wanted) {
            Map<String, Installation.Jar> jars = installation.jars();
            List<String> on = requiredBy(component, jars).stream()
                    .filter(c -> rows.find(c).map(x -> x.enabled() && x.state() != PluginState.UNINSTALLED).orElse(!uninstalled(c, jars))).toList();
            if (!on.isEmpty()) throw new Refusal("Plugin '" + component + "' is required by the enabled plugins " + String.join(", ", on) + "; disable those first.");
        }
        rows.save(r.withEnabled(wanted));
        return "Plugin " + component + " is " + (wanted ? "enabled" : "disabled") + " from the next start.";
    }

    /** The values (and, with {@code key=value} arguments, changes them first); errors name each field. */
    Map<String, Object> settings(String component, Map<String, String> changes) throws IOException {
        Map<String, Installation.Jar> jars = installation.jars();
        Installation.Jar jar = jars.get(component);
        if (jar == null || uninstalled(component, jars)) throw new Refusal("No plugin named '" + component + "' is installed.");
        SettingsDescription d = SettingsDescription.of(jar.path());
        SettingsStore store = new SettingsStore(ds);
        if (!changes.isEmpty()) {
            SettingsValidator.Result r = SettingsValidator.check(d, changes);
            if (!r.ok()) {
                MessageCatalog messages = new MessageCatalog("kernel", OfflinePlugins.class.getClassLoader(), null);
                List<String> lines = new ArrayList<>();
                r.errors().forEach((k, v) -> lines.add(k + ": " + messages.get(Locale.ENGLISH, v.key(), v.args())));
                throw new Refusal("Nothing was saved.\n" + String.join("\n", lines));
            }
            PluginSettings.save(store, component, d, r.values());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        PluginSettings.values(store, component, d).forEach((k, v) -> {
            SettingField f = d.field(k);
            if (!f.secret()) values.put(k, f.typed(v));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("component", component);
        out.put("values", values);
        return out;
    }

    /** Uninstalled and staying so: a jar in deploy/ would be installed afresh at the next start. */
    private boolean uninstalled(String component, Map<String, Installation.Jar> jars) {
        Installation.Jar j = jars.get(component);
        return rows.find(component).map(r -> r.state() == PluginState.UNINSTALLED && (j == null || !j.deployed())).orElse(false);
    }

    private static List<String> requiredBy(String component, Map<String, Installation.Jar> jars) {
        return jars.values().stream().filter(j -> j.descriptor().requires().contains(component)).map(j -> j.descriptor().component()).sorted().toList();
    }

    private PluginInfo info(PluginRecord r, Map<String, Installation.Jar> jars) {
        Installation.Jar j = jars.get(r.component());
        return new PluginInfo(r.component(), r.name(), r.description(), r.version(), r.state().name().toLowerCase(Locale.ROOT), r.enabled(),
                r.reason(), j == null ? List.of() : j.descriptor().requires(), requiredBy(r.component(), jars));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
