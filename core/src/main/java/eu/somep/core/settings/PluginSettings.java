package eu.somep.core.settings;

import eu.somep.api.event.EventBus;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Plugin settings while SOMEP runs: the description comes from the plugin's bundle, the values from the database,
 * and every change goes to the database first and then to Config Admin, so the plugin applies it without a restart
 * and every node reads the same values when it starts.
 */
public final class PluginSettings implements AutoCloseable {
    /** Published once a changed configuration is in use on this node; properties {@code component} and {@code pid}. */
    public static final String TOPIC_APPLIED = "kernel/settings/applied";
    /** How often (ms) a node looks for settings changed by another node; 0 turns it off. */
    public static final String POLL = "somep.settings.poll.ms";
    private static final Logger LOG = Logger.getLogger(PluginSettings.class.getName());
    private final SettingsStore store;
    private final ConfigAdminBridge configAdmin;
    private final Function<String, Optional<Bundle>> bundles;
    private final BundleContext context;
    private final EventBus events;
    /** What this node last gave Config Admin, per pid: {@link #refresh()} pushes only what differs in the database. */
    private final Map<String, Map<String, Object>> pushed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService refresher;

    public PluginSettings(DataSource ds, BundleContext context, Function<String, Optional<Bundle>> bundles, EventBus events) {
        this.store = new SettingsStore(ds);
        this.context = context;
        this.events = events;
        this.configAdmin = new ConfigAdminBridge(context);
        this.bundles = bundles;
    }

    /** The description of an installed plugin's settings; empty when the plugin is not installed. */
    public Optional<SettingsDescription> describe(String component) {
        Optional<Bundle> b = bundles.apply(component).filter(x -> x.getState() != Bundle.UNINSTALLED);
        if (b.isEmpty()) return Optional.empty();
        try {
            return Optional.of(SettingsDescription.of(b.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warning("Cannot read the settings description of " + component + ": " + e.getMessage());
            return Optional.of(SettingsDescription.from(List.of()));
        }
    }

    /** The value of every field by key: what is stored, else the plugin's default. */
    public Map<String, String> values(String component, SettingsDescription d) {
        return values(store, component, d);
    }

    public static Map<String, String> values(SettingsStore store, String component, SettingsDescription d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingField f : d.fields()) out.put(f.key(), f.defaultValue());
        for (SettingsStore.Row r : store.of(component)) {
            d.fields().stream().filter(f -> f.pid().equals(r.pid()) && f.id().equals(r.attribute())).findFirst()
                    .ifPresent(f -> out.put(f.key(), r.value()));
        }
        return out;
    }

    /**
     * Checks the values; when all are valid, stores them and hands each changed configuration to Config Admin.
     * An empty password keeps the stored one (forms never show it). Nothing is stored when any value is wrong.
     */
    public SettingsValidator.Result update(String component, SettingsDescription d, Map<String, String> input) {
        Map<String, String> given = new LinkedHashMap<>(input);
        given.entrySet().removeIf(e -> d.field(e.getKey()) != null && d.field(e.getKey()).secret() && (e.getValue() == null || e.getValue().isEmpty()));
        SettingsValidator.Result r = SettingsValidator.check(d, given);
        if (!r.ok()) return r;
        Set<String> pids = save(store, component, d, r.values());
        onChange.run(); // the other nodes of a cluster apply it too
        for (String pid : pids) push(component, pid);
        return r;
    }

    public static Set<String> save(SettingsStore store, String component, SettingsDescription d, Map<String, String> values) {
        List<SettingsStore.Row> rows = new ArrayList<>();
        Set<String> pids = new LinkedHashSet<>();
        values.forEach((key, value) -> {
            SettingField f = d.field(key);
            rows.add(new SettingsStore.Row(component, f.pid(), f.id(), value));
            pids.add(f.pid());
        });
        store.save(rows);
        return pids;
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change stored through this node (a cluster tells the other nodes). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** At start, before the plugins: every stored configuration goes to Config Admin, so plugins start with it. */
    public void applyStored() {
        stored().forEach((pid, rows) -> {
            try {
                configAdmin.update(pid, props(rows));
                pushed.put(pid, props(rows));
            } catch (RuntimeException e) {
                LOG.warning("Stored settings of " + pid + " not applied: " + e.getMessage());
            }
        });
    }

    /**
     * Applies what another node of a cluster changed in the database since this node last looked: a configuration
     * whose stored values differ from what this node pushed goes to Config Admin again, and one whose values were
     * purged is deleted there. Also called right after a purge on this node.
     */
    public void refresh() {
        Set<String> before = Set.copyOf(pushed.keySet());
        Map<String, List<SettingsStore.Row>> stored = stored();
        stored.forEach((pid, rows) -> {
            if (props(rows).equals(pushed.get(pid))) return;
            try {
                push(rows.get(0).component(), pid);
            } catch (RuntimeException e) {
                LOG.warning("Changed settings of " + pid + " not applied: " + e.getMessage());
            }
        });
        // rows go only when a plugin's data is purged: Config Admin forgets them too, or a reinstalled plugin
        // would start with the purged values (only what was pushed before the read: a save racing it is not lost)
        for (String pid : before) {
            if (stored.containsKey(pid)) continue;
            try {
                configAdmin.delete(pid);
                pushed.remove(pid);
            } catch (RuntimeException e) {
                LOG.warning("Purged settings of " + pid + " still in Config Admin: " + e.getMessage());
            }
        }
    }

    /**
     * Calls {@link #refresh()} with a fixed delay on a thread of its own (not a {@code ScheduledTask} service: the
     * kernel's services are for plugins to see, and this is no plugin's task).
     */
    public void refreshEvery(Duration interval) {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "somep-settings");
            th.setDaemon(true);
            return th;
        });
        t.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warning("Cannot look for changed plugin settings: " + e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        refresher = t;
    }

    @Override
    public void close() {
        ScheduledExecutorService t = refresher;
        if (t == null) return;
        t.shutdownNow();
        try {
            t.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, List<SettingsStore.Row>> stored() {
        Map<String, List<SettingsStore.Row>> byPid = new LinkedHashMap<>();
        for (SettingsStore.Row r : store.all()) byPid.computeIfAbsent(r.pid(), p -> new ArrayList<>()).add(r);
        return byPid;
    }

    private static Map<String, Object> props(List<SettingsStore.Row> rows) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (SettingsStore.Row r : rows) props.put(r.attribute(), r.value());
        return props;
    }

    /** Hands the stored configuration to Config Admin, waits until the plugin has it, and says so as an event. */
    private void push(String component, String pid) {
        Map<String, Object> props = props(store.of(component).stream().filter(r -> r.pid().equals(pid)).toList());
        configAdmin.update(pid, props);
        pushed.put(pid, props);
        try {
            if (!AppliedCheck.await(context, bundles.apply(component).orElse(null), pid, props, 5_000)) {
                LOG.warning("The settings of " + component + " are saved, but the plugin did not take them within 5 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.publish(TOPIC_APPLIED, Map.of("component", component, "pid", pid));
    }

    /** Forgets a plugin's settings, in the database and in Config Admin; its data is being purged. */
    public void forget(String component) {
        store.forget(component);
        refresh();
    }
}
