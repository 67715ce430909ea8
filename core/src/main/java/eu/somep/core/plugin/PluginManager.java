package eu.somep.core.plugin;

import eu.somep.core.access.Roles;
import eu.somep.core.config.Settings;
import eu.somep.core.db.Migrations;
import eu.somep.core.db.Purge;
import eu.somep.core.event.EventHub;
import eu.somep.core.osgi.DeployFolder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The plugin lifecycle: admit, enable, disable, uninstall. Every operation runs on one lifecycle thread, so
 * they never race; the bundle's own start and stop run on a helper thread with a time bound, so a plugin
 * that blocks is marked failed instead of blocking the kernel. Bundles arrive from the shipped plugins
 * folder, from FileInstall (the deploy folder) and from uploads, which are written into the deploy folder.
 */
public final class PluginManager implements BundleListener, DeployFolder.Handler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginManager.class.getName());
    public static final String TOPIC_PREFIX = "kernel/plugin/";

    private final BundleContext context;
    private final PluginStore store;
    private final Migrations migrations;
    private final DataSource dataSource;
    private final EventHub events;
    private final Settings settings;
    private final long startTimeoutMs;
    private final Map<String, Bundle> bundles = new ConcurrentHashMap<>();
    /** Installs waiting for FileInstall to pick up their file, by file name. */
    private final Map<String, CompletableFuture<Void>> pendingInstalls = new ConcurrentHashMap<>();
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> daemon(r, "somep-plugins"));
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> daemon(r, "somep-plugin-start"));

    private final Roles roles;
    /** In a cluster: the shared jar store, and how the other nodes hear of a change made here. Null / no-op alone. */
    private volatile eu.somep.core.cluster.PluginJars jars;
    private volatile java.util.function.Consumer<String> changed = c -> { };
    /** True while this node follows what another node did: it changes its bundles, not the shared rows. Lifecycle thread only. */
    private boolean following;
    /**
     * The row (by its time of change) a follow could not start, and when: it is tried again after
     * {@link Settings#CLUSTER_FOLLOW_RETRY}, not on every check (a plugin that cannot start on this node would
     * otherwise be started and fail every few seconds).
     */
    private final Map<String, FollowFailure> followFailed = new ConcurrentHashMap<>();

    private record FollowFailure(java.time.Instant row, long atMillis) {
    }

    public PluginManager(BundleContext context, DataSource dataSource, Migrations migrations, EventHub events, Settings settings, Roles roles) {
        this.roles = roles;
        this.context = context;
        this.dataSource = dataSource;
        this.store = new PluginStore(dataSource);
        this.migrations = migrations;
        this.events = events;
        this.settings = settings;
        this.startTimeoutMs = settings.getInt(Settings.PLUGIN_START_TIMEOUT, 30_000);
    }

    /** Joins a cluster: jars installed here go to the shared store, and every change here is announced. */
    public void clustered(eu.somep.core.cluster.PluginJars store, java.util.function.Consumer<String> onChange) {
        this.jars = store;
        this.changed = onChange;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- start-up -------------------------------------------------------------------------------

    /** Installs the shipped plugins (dependencies first), unless an administrator uninstalled them; waits until each is settled. */
    public void installShipped(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> jars;
        try (var s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        Map<String, Path> byComponent = new java.util.LinkedHashMap<>();
        Map<String, PluginDescriptor> descriptors = new java.util.HashMap<>();
        for (Path jar : jars) {
            PluginDescriptor d = read(jar);
            if (d.component() == null) continue;
            byComponent.put(d.component(), jar);
            descriptors.put(d.component(), d);
        }
        Map<String, Version> upgraded = deployedVersions();
        for (String c : DependencyOrder.sort(descriptors)) {
            Optional<PluginRecord> row = store.find(c);
            if (row.isPresent() && row.get().state() == PluginState.UNINSTALLED) continue;
            // In a cluster another node may have upgraded it while this one was down: follow() brings the newer jar.
            if (row.isPresent() && newerInStore(row.get(), descriptors.get(c).version())) continue;
            // An upgrade lives in the deploy folder and comes from there once FileInstall starts.
            if (upgraded.containsKey(c) && upgraded.get(c).compareTo(Version.parseVersion(descriptors.get(c).version())) >= 0) continue;
            try {
                Bundle b = context.installBundle(byComponent.get(c).toUri().toString());
                // Bundle events arrive asynchronously: admit it now, so start-up waits for it.
                lifecycle.execute(() -> guarded(b, () -> admit(b, false)));
            } catch (BundleException e) {
                LOG.warning("Cannot install shipped plugin " + byComponent.get(c) + ": " + e.getMessage());
            }
        }
        settle();
    }

    private boolean newerInStore(PluginRecord row, String shipped) {
        eu.somep.core.cluster.PluginJars store = jars;
        try {
            return store != null && Version.parseVersion(row.version()).compareTo(Version.parseVersion(shipped)) > 0 && store.has(row.component(), row.version());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The components the deploy folder holds a jar of, with its version. */
    private Map<String, Version> deployedVersions() {
        Map<String, Version> out = new java.util.HashMap<>();
        if (!Files.isDirectory(settings.deployDir())) return out;
        try (var s = Files.list(settings.deployDir())) {
            for (Path p : s.filter(x -> x.toString().endsWith(".jar")).toList()) {
                try {
                    PluginDescriptor d = read(p);
                    if (d.component() != null) out.merge(d.component(), Version.parseVersion(d.version()), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                } catch (IOException | RuntimeException e) {
                    LOG.fine("Not a plugin jar: " + p);
                }
            }
        } catch (IOException e) {
            LOG.warning("Cannot list " + settings.deployDir() + ": " + e.getMessage());
        }
        return out;
    }

    /** Waits until every lifecycle operation queued so far has run. */
    public void settle() {
        try {
            lifecycle.submit(() -> { }).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Plugins did not settle", e);
        }
    }

    // ---- the deploy folder (FileInstall's thread: hand over and return) ----------------------------

    @Override
    public void deployed(File jar) {
        lifecycle.execute(() -> {
            String location = jar.toURI().toString();
            try {
                PluginDescriptor d = read(jar.toPath());
                if (!PluginDescriptor.validName(d.component())) {
                    throw new PluginRefusal(422, "It is not a SOMEP plugin: " + d.manifestProblem());
                }
                Bundle b = context.getBundle(location);
                if (b == null) b = context.installBundle(location);
                Bundle installed = b;
                guarded(installed, () -> admit(installed, false));
                admitted(installed);
            } catch (BundleException | IOException | RuntimeException e) {
                LOG.warning("Cannot install " + jar + ": " + rootMessage(e));
                CompletableFuture<Void> f = pendingInstalls.remove(jar.getName());
                if (f != null) f.completeExceptionally(new PluginRefusal(422, "The jar cannot be installed: " + rootMessage(e)));
            }
        });
    }

    @Override
    public void changed(File jar) {
        lifecycle.execute(() -> {
            Bundle b = context.getBundle(jar.toURI().toString());
            if (b == null) {
                deployed(jar);
                return;
            }
            guarded(b, () -> {
                stopQuietly(b);
                try {
                    b.update();
                } catch (BundleException e) {
                    LOG.warning("Cannot update " + jar + ": " + rootMessage(e));
                }
                // as after an upgrade through the API: the replaced revision's class loader must not stay
                dropOldRevisions();
                admit(b, true);
                reviveRefreshed();
            });
        });
    }

    @Override
    public void removed(File jar) {
        lifecycle.execute(() -> {
            Bundle b = context.getBundle(jar.toURI().toString());
            if (b != null) {
                stopQuietly(b);
                uninstallQuietly(b);
            }
        });
    }

    // ---- bundle events (Felix's event thread: keep short) ----------------------------------------

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        try {
            if (!PluginDescriptor.isPlugin(b)) return;
        } catch (IllegalStateException e) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> lifecycle.execute(() -> guarded(b, () -> admit(b, false)));
            case BundleEvent.UNINSTALLED -> lifecycle.execute(() -> guarded(b, () -> forget(b)));
            default -> { }
        }
    }

    /** Tells a waiting {@link #install} that the bundle from its file has been admitted. */
    private void admitted(Bundle b) {
        String location = b.getLocation();
        String file = location.substring(location.lastIndexOf('/') + 1);
        CompletableFuture<Void> f = pendingInstalls.remove(file);
        if (f != null) f.complete(null);
    }

    private void guarded(Bundle b, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin lifecycle error for " + b.getSymbolicName(), e);
        }
    }

    /** A plugin bundle has been installed (or updated): record it, check it, migrate and start it unless disabled. */
    private void admit(Bundle b, boolean again) {
        if (b.getState() == Bundle.UNINSTALLED) return;
        PluginDescriptor d = PluginDescriptor.of(b);
        if (!again && bundles.get(d.component()) == b) return; // already admitted
        String problem = d.manifestProblem();
        String c = d.component();
        if (!PluginDescriptor.validName(c)) {
            LOG.warning("Ignoring bundle " + b.getLocation() + ": " + problem);
            return;
        }
        Bundle other = bundles.get(c);
        if (other != null && other != b && other.getState() != Bundle.UNINSTALLED) {
            LOG.warning("Refusing " + b.getLocation() + ": plugin '" + c + "' is already installed from " + other.getLocation());
            uninstallQuietly(b);
            return;
        }
        bundles.put(c, b);
        PluginRecord row = store.find(c)
                .map(r -> r.state() == PluginState.UNINSTALLED ? PluginRecord.fresh(d, b.getLocation()) : r.describedBy(d, b.getLocation()))
                .orElseGet(() -> PluginRecord.fresh(d, b.getLocation()));
        if (problem != null) {
            save(row.with(PluginState.FAILED, problem));
            return;
        }
        share(b, d);
        if (settings.safeMode()) {
            save(row.with(PluginState.DISABLED, "Safe mode: every plugin is disabled for this run."));
            return;
        }
        if (markerFile(c)) {
            save(row.with(PluginState.DISABLED, "Disabled by the marker file " + markerPath(c) + "."));
            return;
        }
        if (!row.enabled()) {
            save(row.with(PluginState.DISABLED, null));
            return;
        }
        activate(b, row);
    }

    /** In a cluster, a jar installed through this node's deploy folder goes to the shared store for the others. */
    private void share(Bundle b, PluginDescriptor d) {
        eu.somep.core.cluster.PluginJars store = jars;
        if (store == null || following) return;
        try {
            Path p = Path.of(java.net.URI.create(b.getLocation()));
            if (p.toAbsolutePath().normalize().startsWith(settings.deployDir())) store.put(d.component(), d.version(), p);
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.warning("The jar of " + d.component() + " is not shared with the other nodes: " + e.getMessage());
        }
    }

    // ---- a cluster: following what the other nodes did ------------------------------------------

    /**
     * Makes this node's bundles what the shared {@code kernel_plugin} rows say, after another node changed them:
     * stops what was disabled, starts what was enabled, uninstalls what was uninstalled, and installs or upgrades
     * from the shared jar store what this node lacks. The rows are not written (they already say it); a plugin that
     * fails here fails on this node only, and is logged.
     */
    public void follow() {
        lifecycle.execute(() -> {
            following = true;
            try {
                for (PluginRecord r : store.all()) {
                    try {
                        followOne(r);
                    } catch (RuntimeException | IOException | BundleException e) {
                        followFailed.put(r.component(), new FollowFailure(r.updatedAt(), System.currentTimeMillis()));
                        LOG.log(Level.WARNING, "This node cannot follow the change of plugin " + r.component() + " made on another node", e);
                    }
                }
            } finally {
                following = false;
            }
        });
    }

    private void followOne(PluginRecord r) throws IOException, BundleException {
        String c = r.component();
        Bundle b = bundles.get(c);
        if (r.state() == PluginState.UNINSTALLED) {
            if (b == null) {
                // copies this node once followed must not come back through the deploy watcher (a newer jar dropped
                // here by hand is a new install, and stays)
                Version deployed = deployedVersions().get(c);
                if (deployed != null && deployed.compareTo(Version.parseVersion(r.version())) <= 0) deleteDeployedJars(c);
                return;
            }
            bundles.remove(c, b);
            deleteDeployedJars(c);
            stopQuietly(b);
            uninstallQuietly(b);
            events.publish(TOPIC_PREFIX + "uninstalled", Map.of("component", c));
            return;
        }
        FollowFailure failed = followFailed.get(c);
        if (failed != null && failed.row().equals(r.updatedAt())
                && System.currentTimeMillis() - failed.atMillis() < settings.getInt(Settings.CLUSTER_FOLLOW_RETRY, 60_000)) return;
        if (b == null || b.getVersion().compareTo(Version.parseVersion(r.version())) < 0) {
            eu.somep.core.cluster.PluginJars store = jars;
            if (store == null || !store.has(c, r.version())) return; // a shipped plugin this node's distribution lacks
            Version deployed = deployedVersions().get(c);
            if (b == null && deployed != null && deployed.compareTo(Version.parseVersion(r.version())) >= 0) return; // the deploy watcher brings it
            Files.createDirectories(settings.deployDir());
            Path target = settings.deployDir().resolve(c + "-" + r.version() + "-" + Long.toString(System.currentTimeMillis(), 36) + ".jar");
            if (!store.copyTo(c, r.version(), target)) return;
            if (b != null) {
                bundles.remove(c, b);
                stopQuietly(b);
                uninstallQuietly(b);
            }
            deleteDeployedJars(c, target); // no older copy may come back at the next start
            // File.toURI, as the deploy folder names its jars (Path.toUri writes file:/// and would be a second location)
            Bundle fresh = context.installBundle(target.toFile().toURI().toString());
            admit(fresh, false);
            reviveRefreshed();
            return;
        }
        boolean active = b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
        if (!r.enabled() && active) {
            stopQuietly(b);
            events.publish(TOPIC_PREFIX + "disabled", Map.of("component", c));
        } else if (r.enabled() && r.state() == PluginState.ENABLED && !active && !markerFile(c) && !settings.safeMode()) {
            PluginRecord after = activate(b, r);
            if (after.state() == PluginState.FAILED) followFailed.put(c, new FollowFailure(r.updatedAt(), System.currentTimeMillis()));
            else followFailed.remove(c);
        }
    }

    private void forget(Bundle b) {
        PluginDescriptor d = PluginDescriptor.of(b);
        if (d.component() == null || !bundles.remove(d.component(), b)) return;
        store.find(d.component()).ifPresent(r -> {
            if (r.state() != PluginState.UNINSTALLED) save(r.with(PluginState.UNINSTALLED, "Its jar was removed."));
        });
        // Plugins that need it stop too, and start again by themselves when it comes back.
        for (String dependent : enabledDependents(d.component())) {
            Bundle db = bundles.get(dependent);
            if (db != null) stopQuietly(db);
            store.find(dependent).ifPresent(r -> save(r.with(PluginState.FAILED, missingDependencies(PluginDescriptor.of(db)))));
        }
    }

    /** Plugins whose jar left the deploy folder while SOMEP was stopped are uninstalled, not shown as running. */
    public void forgetVanishedDeployments() {
        // in a cluster a row's location names the file of whichever node installed it: no node can judge by its own folder
        if (jars != null) return;
        lifecycle.execute(() -> {
            for (PluginRecord r : store.all()) {
                if (r.state() == PluginState.UNINSTALLED || r.location() == null || bundles.containsKey(r.component())) continue;
                try {
                    Path p = Path.of(java.net.URI.create(r.location()));
                    if (p.startsWith(settings.deployDir()) && !Files.exists(p)) save(r.with(PluginState.UNINSTALLED, "Its jar was removed while SOMEP was stopped."));
                } catch (IllegalArgumentException e) {
                    LOG.fine("Not a file location: " + r.location());
                }
            }
        });
        settle();
    }

    /** Checks dependencies, runs migrations, starts the bundle within the time bound and checks its components. */
    private PluginRecord activate(Bundle b, PluginRecord row) {
        PluginDescriptor d = PluginDescriptor.of(b);
        String missing = missingDependencies(d);
        if (missing != null) return save(row.with(PluginState.FAILED, missing));
        try {
            migrations.migratePlugin(b, d.component());
        } catch (RuntimeException e) {
            return save(row.with(PluginState.FAILED, "Its database migration failed: " + rootMessage(e)));
        }
        try {
            roles.declare(d.component(), PluginCapabilities.read(b));
        } catch (RuntimeException e) {
            return save(row.with(PluginState.FAILED, "Its capabilities.json is not valid: " + rootMessage(e)));
        }
        String failure = timed("start", () -> {
            b.start(Bundle.START_TRANSIENT);
            return componentFailures(b);
        });
        if (failure != null) {
            timed("stop", () -> {
                b.stop(Bundle.STOP_TRANSIENT);
                return null;
            });
            return save(row.with(PluginState.FAILED, failure));
        }
        PluginRecord saved = save(row.with(PluginState.ENABLED, null));
        retryWaitingDependents();
        return saved;
    }

    /** Runs a bundle operation on a helper thread; returns a failure message, or null when it went well. */
    private String timed(String what, Callable<String> op) {
        Future<String> f = starter.submit(op);
        try {
            return f.get(startTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return "It did not " + what + " within " + startTimeoutMs + " ms.";
        } catch (ExecutionException e) {
            return "It failed to " + what + ": " + rootMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while it was trying to " + what + ".";
        }
    }

    /**
     * Declarative Services catches exceptions from a component's constructor or activate method, and may
     * enable a bundle's components a moment after {@code start()} returns; so wait (within the start bound)
     * until SCR knows every component the manifest declares, make delayed ones activate now by getting their
     * services, and read failures back from SCR.
     */
    private String componentFailures(Bundle b) throws InterruptedException {
        var ref = context.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) return null;
        ServiceComponentRuntime scr = context.getService(ref);
        try {
            String header = b.getHeaders("").get("Service-Component");
            int expected = header == null || header.isBlank() ? 0 : header.split(",").length;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startTimeoutMs);
            while (true) {
                Collection<ComponentDescriptionDTO> descs = scr.getComponentDescriptionDTOs(b);
                var regs = b.getRegisteredServices();
                java.util.Set<Object> registered = new java.util.HashSet<>();
                if (regs != null) {
                    for (var r : regs) {
                        registered.add(r.getProperty("component.id"));
                        if (context.getService(r) != null) context.ungetService(r);
                    }
                }
                List<String> failures = new ArrayList<>();
                boolean settled = descs.size() >= expected;
                for (ComponentDescriptionDTO desc : descs) {
                    Collection<ComponentConfigurationDTO> cfgs = scr.getComponentConfigurationDTOs(desc);
                    if (cfgs.isEmpty() && desc.defaultEnabled) settled = false;
                    for (ComponentConfigurationDTO cfg : cfgs) {
                        if (cfg.state == ComponentConfigurationDTO.FAILED_ACTIVATION || cfg.failure != null) {
                            failures.add(desc.name + ": " + rootCause(cfg.failure));
                        } else if (cfg.state == ComponentConfigurationDTO.SATISFIED && desc.immediate) {
                            settled = false; // an immediate component is about to activate
                        } else if ((cfg.state == ComponentConfigurationDTO.SATISFIED || cfg.state == ComponentConfigurationDTO.ACTIVE)
                                && desc.serviceInterfaces.length > 0 && !registered.contains(cfg.id)) {
                            settled = false; // its service (a route, a link) is about to be registered
                        }
                    }
                }
                if (!failures.isEmpty()) return "It threw on start: " + String.join("; ", failures);
                if (settled) return null;
                if (System.nanoTime() > deadline) return "Its components did not come up within " + startTimeoutMs + " ms.";
                Thread.sleep(5);
            }
        } finally {
            context.ungetService(ref);
        }
    }

    private String missingDependencies(PluginDescriptor d) {
        List<String> missing = new ArrayList<>();
        for (String dep : d.requires()) {
            Optional<PluginRecord> r = store.find(dep);
            if (r.isEmpty() || r.get().state() == PluginState.UNINSTALLED) missing.add("'" + dep + "' (not installed)");
            else if (r.get().state() != PluginState.ENABLED) missing.add("'" + dep + "' (" + r.get().state().name().toLowerCase() + ")");
        }
        return missing.isEmpty() ? null : "It needs the plugin" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ".";
    }

    /** A plugin that failed only for want of a dependency starts as soon as the dependency is there. */
    private void retryWaitingDependents() {
        for (PluginRecord r : store.all()) {
            Bundle b = bundles.get(r.component());
            if (b != null && r.enabled() && r.state() == PluginState.FAILED && r.reason() != null && r.reason().startsWith("It needs the plugin")
                    && missingDependencies(PluginDescriptor.of(b)) == null) {
                activate(b, r);
            }
        }
    }

    // ---- administrator operations ---------------------------------------------------------------

    public PluginInfo enable(String component) {
        return onLifecycle(() -> {
            PluginRecord r = existing(component);
            Bundle b = bundles.get(component);
            if (b == null) throw new PluginRefusal(409, "Plugin '" + component + "' has no bundle installed; install its jar again.");
            if (r.state() == PluginState.ENABLED) return info(r);
            String manifest = PluginDescriptor.of(b).manifestProblem();
            if (manifest != null) throw new PluginRefusal(409, manifest);
            if (settings.safeMode()) throw new PluginRefusal(409, "SOMEP runs in safe mode: restart without --safe-mode to enable plugins.");
            if (markerFile(component))
                throw new PluginRefusal(409, "Plugin '" + component + "' is disabled by the marker file " + markerPath(component) + "; delete it first.");
            String missing = missingDependencies(PluginDescriptor.of(b));
            if (missing != null) throw new PluginRefusal(409, "Plugin '" + component + "' cannot be enabled. " + missing);
            PluginRecord after = activate(b, r.withEnabled(true));
            if (after.state() == PluginState.FAILED) throw new PluginRefusal(409, "Plugin '" + component + "' failed to start. " + after.reason());
            return info(after);
        });
    }

    public PluginInfo disable(String component) {
        return onLifecycle(() -> {
            PluginRecord r = existing(component);
            List<String> dependents = enabledDependents(component);
            if (!dependents.isEmpty())
                throw new PluginRefusal(409, "Plugin '" + component + "' cannot be disabled: " + String.join(", ", dependents)
                        + (dependents.size() > 1 ? " need" : " needs") + " it. Disable " + (dependents.size() > 1 ? "them" : "it") + " first.");
            Bundle b = bundles.get(component);
            if (b != null) stopQuietly(b);
            return info(save(r.withEnabled(false).with(PluginState.DISABLED, null)));
        });
    }

    private volatile java.util.function.Consumer<String> purged = c -> { };

    /** Called after a plugin's data was purged (its tables and stored settings dropped). */
    public void onPurged(java.util.function.Consumer<String> r) {
        purged = r;
    }

    public PluginInfo uninstall(String component, boolean purge) {
        return onLifecycle(() -> {
            PluginRecord r = existing(component);
            List<String> dependents = dependents(component);
            if (!dependents.isEmpty())
                throw new PluginRefusal(409, "Plugin '" + component + "' cannot be uninstalled: " + String.join(", ", dependents)
                        + (dependents.size() > 1 ? " need" : " needs") + " it. Uninstall " + (dependents.size() > 1 ? "them" : "it") + " first.");
            Bundle b = bundles.remove(component);
            if (jars != null) deleteDeployedJars(component); // a cluster node may hold older copies it once followed
            if (b != null) {
                deleteFromDeployFolder(b.getLocation());
                stopQuietly(b);
                uninstallQuietly(b);
            }
            roles.forget(component); // its capabilities go with it
            String reason = null;
            if (purge) {
                try {
                    List<String> dropped = Purge.dropTables(dataSource, component);
                    purged.accept(component); // its settings were data too: Config Admin must not keep them
                    deleteTree(settings.dataDir().resolve("files").resolve(component));
                    reason = "Purged: " + dropped.size() + " tables removed.";
                } catch (Exception e) {
                    reason = "Purge incomplete: " + rootMessage(e);
                }
            }
            return info(save(r.with(PluginState.UNINSTALLED, reason)));
        });
    }

    /**
     * Installs a plugin jar: refuses it at once when its manifest, API range or dependencies are wrong; else
     * writes it into the deploy folder (so it survives restarts exactly like a dropped file) and waits until
     * the kernel has admitted it.
     */
    public PluginInfo install(InputStream jar) throws IOException {
        Path tmp = Files.createTempFile(settings.dataDir(), "upload-", ".part");
        try {
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            PluginDescriptor d = read(tmp);
            String problem = d.manifestProblem();
            if (problem != null) throw new PluginRefusal(422, problem);
            Optional<PluginRecord> existing = store.find(d.component());
            if (existing.isPresent() && existing.get().state() != PluginState.UNINSTALLED && bundles.containsKey(d.component()))
                return upgrade(tmp, d);
            String missing = missingDependencies(d);
            if (missing != null) throw new PluginRefusal(422, "Plugin '" + d.component() + "' cannot be installed. " + missing);
            Files.createDirectories(settings.deployDir());
            // A new name each time: FileInstall compares files by name and checksum, and would miss a
            // reinstall of the same jar that lands within one poll of its removal.
            String name = d.component() + "-" + d.version() + "-" + Long.toString(System.currentTimeMillis(), 36) + ".jar";
            CompletableFuture<Void> admitted = new CompletableFuture<>();
            pendingInstalls.put(name, admitted);
            try {
                Files.move(tmp, settings.deployDir().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                admitted.get(startTimeoutMs + 30_000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new PluginRefusal(504, "Plugin '" + d.component() + "' was copied into the deploy folder but has not been picked up yet.");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PluginRefusal pr) throw pr;
                throw new IOException("Install of " + d.component() + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Install of " + d.component() + " was interrupted: " + e.getMessage(), e);
            } finally {
                pendingInstalls.remove(name);
            }
            settle();
            PluginRecord r = existing(d.component());
            if (r.state() == PluginState.FAILED) throw new PluginRefusal(422, "Plugin '" + d.component() + "' was installed but failed to start. " + r.reason());
            return info(r);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces an installed plugin by a newer version of it. The old bundle stops, the new jar's pending
     * migrations run (in one transaction where the database allows it); only when they succeeded is the old
     * bundle uninstalled and the new one installed from the deploy folder. A failed migration starts the old
     * version again. The same or an older version is refused (409): a database may already hold the newer schema.
     */
    private PluginInfo upgrade(Path jar, PluginDescriptor d) {
        String c = d.component();
        return onLifecycle(() -> {
            PluginRecord row = existing(c);
            Bundle old = bundles.get(c);
            if (old == null) throw new PluginRefusal(409, "Plugin '" + c + "' has no bundle installed; uninstall it first.");
            Version have = old.getVersion();
            Version want;
            try {
                want = Version.parseVersion(d.version());
            } catch (IllegalArgumentException e) {
                throw new PluginRefusal(422, "Plugin '" + c + "' has an invalid Bundle-Version '" + d.version() + "'.");
            }
            if (want.equals(have)) throw new PluginRefusal(409, "Plugin '" + c + "' version " + have + " is already installed.");
            if (want.compareTo(have) < 0)
                throw new PluginRefusal(409, "Plugin '" + c + "' cannot be downgraded from version " + have + " to " + want
                        + ": its data may already use the newer version's database schema. Install version " + have + " or newer.");
            String missing = missingDependencies(d);
            if (missing != null) throw new PluginRefusal(422, "Plugin '" + c + "' cannot be upgraded. " + missing);
            boolean wasEnabled = row.state() == PluginState.ENABLED;
            stopQuietly(old);
            try {
                migrations.migrateJar(jar, c);
            } catch (IOException | RuntimeException e) {
                // H2's message ends its first line with "; SQL statement:" (the statement follows on the next)
                String why = rootMessage(e).replaceFirst("[;:,]?\\s*SQL statement:?\\s*$", "");
                if (!why.endsWith(".")) why += ".";
                if (wasEnabled) activate(old, row);
                throw new PluginRefusal(422, "Plugin '" + c + "' was not upgraded to version " + want + ": its database migration failed: " + why
                        + " Version " + have + " is still installed" + (wasEnabled ? " and serving." : "."));
            }
            Files.createDirectories(settings.deployDir());
            Path target = settings.deployDir().resolve(c + "-" + want + "-" + Long.toString(System.currentTimeMillis(), 36) + ".jar");
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            // Out of the map first, so the old bundle's UNINSTALLED event does not mark the plugin as removed.
            bundles.remove(c, old);
            deleteFromDeployFolder(old.getLocation());
            uninstallQuietly(old);
            Bundle fresh;
            try {
                fresh = context.installBundle(target.toFile().toURI().toString());
            } catch (BundleException e) {
                Files.deleteIfExists(target);
                save(row.with(PluginState.FAILED, "Its upgrade to version " + want + " could not be installed: " + rootMessage(e)));
                throw new PluginRefusal(422, "Plugin '" + c + "' was migrated to version " + want + " but the framework refused the jar: " + rootMessage(e));
            }
            admit(fresh, false);
            reviveRefreshed();
            PluginRecord after = existing(c);
            if (after.state() == PluginState.FAILED)
                throw new PluginRefusal(422, "Plugin '" + c + "' was upgraded to version " + want + " (its migrations ran) but failed to start. " + after.reason());
            return info(after);
        });
    }

    /**
     * The package refresh after an upgrade stops the plugins wired to the old bundle. The kernel started them
     * transiently, so it does not count on the framework to start them again: any enabled one that is not
     * active is activated here.
     */
    private void reviveRefreshed() {
        for (PluginRecord r : store.all()) {
            Bundle b = bundles.get(r.component());
            if (b != null && r.state() == PluginState.ENABLED && b.getState() != Bundle.ACTIVE) activate(b, r);
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    public List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginRecord r : store.all()) out.add(info(r));
        return out;
    }

    public Optional<PluginInfo> get(String component) {
        return store.find(component).map(this::info);
    }

    public Optional<Bundle> bundle(String component) {
        return Optional.ofNullable(bundles.get(component));
    }

    public Collection<Bundle> bundles() {
        return List.copyOf(bundles.values());
    }

    private PluginInfo info(PluginRecord r) {
        Bundle b = bundles.get(r.component());
        List<String> requires = b == null ? List.of() : PluginDescriptor.of(b).requires();
        return new PluginInfo(r.component(), r.name(), r.description(), r.version(), r.state().name().toLowerCase(),
                r.enabled(), r.reason(), requires, dependents(r.component()));
    }

    private List<String> dependents(String component) {
        List<String> out = new ArrayList<>();
        for (Bundle b : bundles.values()) {
            PluginDescriptor d = PluginDescriptor.of(b);
            if (d.requires().contains(component)) out.add(d.component());
        }
        return out;
    }

    private List<String> enabledDependents(String component) {
        return dependents(component).stream()
                .filter(c -> store.find(c).map(r -> r.state() == PluginState.ENABLED).orElse(false))
                .toList();
    }

    private PluginRecord existing(String component) {
        return store.find(component)
                .filter(r -> r.state() != PluginState.UNINSTALLED)
                .orElseThrow(() -> new PluginRefusal(404, "No plugin named '" + component + "' is installed."));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private PluginRecord save(PluginRecord r) {
        if (!following) {
            store.save(r);
            changed.accept(r.component());
        }
        if (r.state() == PluginState.FAILED) LOG.warning("Plugin " + r.component() + " failed: " + r.reason());
        events.publish(TOPIC_PREFIX + r.state().name().toLowerCase(),
                r.reason() == null ? Map.of("component", r.component()) : Map.of("component", r.component(), "reason", r.reason()));
        return r;
    }

    private <T> T onLifecycle(Callable<T> op) {
        try {
            return lifecycle.submit(op).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginRefusal(503, "Interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PluginRefusal pr) throw pr;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void stopQuietly(Bundle b) {
        String failure = timed("stop", () -> {
            if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) b.stop(Bundle.STOP_TRANSIENT);
            return null;
        });
        if (failure != null) LOG.warning(b.getSymbolicName() + ": " + failure);
    }

    private void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.fine("Already gone: " + b.getLocation());
        }
        dropOldRevisions();
    }

    /** Drops old bundle revisions now (a package refresh), so their class loaders can be collected. */
    private void dropOldRevisions() {
        CompletableFuture<Void> refreshed = new CompletableFuture<>();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) refreshed.complete(null);
        });
        try {
            refreshed.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("Package refresh did not finish: " + e.getMessage());
        }
        SharedCaches.forgetPluginClasses();
    }

    /** Deletes every jar of the component in the deploy folder, but {@code keep}. */
    private void deleteDeployedJars(String component, Path... keep) {
        if (!Files.isDirectory(settings.deployDir())) return;
        try (var s = Files.list(settings.deployDir())) {
            for (Path p : s.filter(x -> x.toString().endsWith(".jar")).toList()) {
                if (java.util.Arrays.asList(keep).contains(p)) continue;
                try {
                    if (component.equals(read(p).component())) Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    LOG.fine("Not a plugin jar: " + p);
                }
            }
        } catch (IOException e) {
            LOG.warning("Cannot clean " + settings.deployDir() + " of " + component + ": " + e.getMessage());
        }
    }

    private void deleteFromDeployFolder(String location) {
        try {
            Path p = Path.of(java.net.URI.create(location));
            if (p.toAbsolutePath().normalize().startsWith(settings.deployDir())) Files.deleteIfExists(p);
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.fine("Not a deploy-folder file: " + location);
        }
    }

    private boolean markerFile(String component) {
        return Files.exists(markerPath(component));
    }

    /** Creating {@code data/disabled/<component>} disables that plugin at the next start, without touching the database. */
    public Path markerPath(String component) {
        return settings.dataDir().resolve("disabled").resolve(component);
    }

    static PluginDescriptor read(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getManifest() == null) throw new PluginRefusal(422, "The jar has no manifest: it is not a SOMEP plugin.");
            return PluginDescriptor.of(jf.getManifest());
        } catch (java.util.zip.ZipException e) {
            throw new PluginRefusal(422, "The file is not a valid jar: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = r.getMessage();
        return firstLine(m == null ? r.getClass().getSimpleName() : m);
    }

    /** SCR gives the failure as a stack trace text; the innermost "Caused by" line says what went wrong. */
    static String rootCause(String trace) {
        if (trace == null) return "";
        String cause = firstLine(trace);
        for (String line : trace.split("\n")) {
            if (line.startsWith("Caused by: ")) cause = line.substring("Caused by: ".length()).trim();
        }
        return cause;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    @Override
    public void close() {
        lifecycle.shutdownNow();
        starter.shutdownNow();
    }
}
