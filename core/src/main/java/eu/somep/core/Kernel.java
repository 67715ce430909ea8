package eu.somep.core;

import com.zaxxer.hikari.HikariDataSource;
import eu.somep.api.event.EventBus;
import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.UserContext;
import eu.somep.core.access.Access;
import eu.somep.core.access.KernelCapabilities;
import eu.somep.core.access.Roles;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.routes.AdminRolesPage;
import eu.somep.core.routes.RolesApi;
import eu.somep.core.routes.AdminUsersPage;
import eu.somep.core.routes.UsersApi;
import eu.somep.core.config.Settings;
import eu.somep.core.dev.DevWatch;
import eu.somep.core.routes.AuditRoutes;
import eu.somep.core.routes.BackupApi;
import eu.somep.core.backup.Backup;
import eu.somep.core.routes.ProfileApi;
import eu.somep.core.routes.ProfilePage;
import eu.somep.core.security.LoginThrottle;
import eu.somep.core.security.SignIn;
import eu.somep.core.security.SecurityFilter;
import eu.somep.core.security.Shiro;
import eu.somep.core.security.Registration;
import eu.somep.core.security.Secrets;
import eu.somep.core.config.SiteSettings;
import eu.somep.core.mail.Mailer;
import eu.somep.core.web.Blocks;
import eu.somep.core.routes.DashboardRoutes;
import eu.somep.core.routes.RegistrationApi;
import eu.somep.core.routes.RegistrationPages;
import java.time.Clock;
import java.time.Duration;
import eu.somep.core.db.DataSources;
import eu.somep.core.db.DatabaseServiceFactory;
import eu.somep.core.db.Migrations;
import eu.somep.core.event.EventHub;
import eu.somep.core.event.Scheduler;
import eu.somep.core.osgi.Framework;
import eu.somep.core.plugin.PluginManager;
import eu.somep.core.routes.AdminPluginsPage;
import eu.somep.core.routes.AdminCatalogPage;
import eu.somep.core.routes.AdminCompatibilityPage;
import eu.somep.core.routes.CatalogApi;
import eu.somep.core.plugin.catalog.Catalog;
import eu.somep.core.routes.HealthRoutes;
import eu.somep.core.routes.HomeRoutes;
import eu.somep.core.routes.LoginRoutes;
import eu.somep.core.routes.PluginApi;
import eu.somep.core.routes.TokenApi;
import eu.somep.core.routes.PluginSettingsApi;
import eu.somep.core.routes.AdminPluginSettingsPage;
import eu.somep.core.routes.SettingsModel;
import eu.somep.core.settings.PluginSettings;
import eu.somep.core.security.Current;
import eu.somep.core.security.Users;
import eu.somep.core.routes.AdminThemesPage;
import eu.somep.core.routes.ThemesApi;
import eu.somep.core.theme.ThemeTemplates;
import eu.somep.core.theme.Themes;
import eu.somep.core.view.Runtimes;
import eu.somep.core.view.ViewRenderer;
import eu.somep.core.web.JerseyConfigs;
import eu.somep.core.web.Navigation;
import eu.somep.core.web.Problems;
import eu.somep.core.web.SiteHomes;
import eu.somep.core.web.WebApps;
import eu.somep.core.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** Boots SOMEP: database, Felix, kernel services, plugins, web server, deploy folder; and shuts it down in reverse. */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Kernel.class.getName());
    /** Published on this node at each periodic cluster check: plugins empty their caches (docs/plugin-guide.md). */
    public static final String RESYNC_TOPIC = "kernel/cluster/resync";
    /** The PostgreSQL advisory lock nodes of a cluster take in turn while they start ("SOMEPSTA"). */
    private static final long START_LOCK = 0x534f4d4550535441L;
    /** Held from the first database access until this node serves; see {@link #takeStartTurn}. */
    private AutoCloseable startTurn = () -> { };
    /** Published on this node when it starts listening to the others (at start, and after its connection came back). */
    public static final String LISTENING_TOPIC = "kernel/cluster/listening";
    private final Settings settings;
    private HikariDataSource dataSource;
    private Framework framework;
    private EventHub events;
    private Scheduler scheduler;
    private PluginManager plugins;
    private Navigation navigation;
    private SiteHomes homes;
    private WebApps apps;
    private WebServer web;
    private Runtimes runtimes;
    private Users users;
    private AuditLog audit;
    private LoginThrottle loginThrottle;
    private Access access;
    private Roles roles;
    private Mailer mailer;
    private Blocks blocks;
    private PluginSettings pluginSettings;
    private eu.somep.core.privacy.Privacy privacy;
    private Themes themes;
    private DevWatch devWatch;
    private eu.somep.core.cluster.Cluster cluster;
    /** Every cache of {@code kernel_setting} this node keeps: a change on another node empties them all. */
    private final List<SiteSettings> siteSettings = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Kernel(Settings settings) {
        this.settings = settings;
    }

    public Kernel start() throws Exception {
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.deployDir());
        dataSource = DataSources.open(settings);
        try {
            takeStartTurn();
            return startOnDatabase();
        } finally {
            startTurn.close(); // also when the start failed: the next node must not wait for this one
        }
    }

    /**
     * Nodes of a cluster that start at the same time take turns: the first creates what is shared (the migrated
     * schema, the admin account, the shipped plugins' rows, Jetty's session table, which Jetty creates without a lock
     * of its own) and the next finds it all there. The lock is PostgreSQL's, on a connection of its own, so a node
     * that dies while it holds it lets the next one go at once.
     */
    private void takeStartTurn() throws java.sql.SQLException {
        if (!settings.getBoolean(Settings.CLUSTER) || !dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")) return;
        java.sql.Connection c = dataSource.getConnection();
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + START_LOCK + ")");
        } catch (java.sql.SQLException e) {
            c.close();
            throw e;
        }
        startTurn = () -> {
            startTurn = () -> { };
            try (c; java.sql.Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + START_LOCK + ")");
            }
        };
    }

    private Kernel startOnDatabase() throws Exception {
        Migrations migrations = new Migrations(dataSource);
        migrations.migrateKernel();
        users = new Users(dataSource);
        users.bootstrapAdmin(settings.get(Settings.ADMIN_PASSWORD, null));
        if ("true".equalsIgnoreCase(settings.get(Settings.DEMO, "false"))) users.bootstrapDemo(settings.get(Settings.DEMO_PASSWORD, "somep-demo-2026"));
        cluster = openCluster();
        access = new Access(dataSource);
        roles = new Roles(dataSource, access);
        roles.declare("kernel", KernelCapabilities.ALL);

        events = new EventHub();
        events.clustered(cluster);
        framework = new Framework(settings);
        framework.start();
        BundleContext ctx = framework.context();
        mailer = new Mailer(settings);
        registerServices(ctx);

        themes = new Themes(siteSettings(new SiteSettings(dataSource)));
        runtimes = new Runtimes(new ThemeTemplates(themes));
        themes.onRemoved(runtimes::clearTemplates);
        themes.track(ctx);
        ctx.addBundleListener(runtimes);
        navigation = new Navigation(runtimes);
        navigation.track(ctx);
        homes = new SiteHomes(runtimes);
        homes.track(ctx);
        events.track(ctx);
        scheduler = new Scheduler(cluster.enabled() ? new eu.somep.core.cluster.TaskClaims(dataSource, cluster.nodeId()) : null);
        scheduler.track(ctx);

        plugins = new PluginManager(ctx, dataSource, migrations, events, settings, roles);
        if (cluster.enabled()) plugins.clustered(new eu.somep.core.cluster.PluginJars(dataSource), c -> cluster.send("plugins", c));
        // stored plugin settings reach Config Admin before any plugin starts, so each starts with its own
        pluginSettings = new PluginSettings(dataSource, ctx, c -> plugins.bundle(c), events);
        pluginSettings.applyStored();
        plugins.onPurged(pluginSettings::forget);
        // changes made on another node of a cluster reach this one within the interval (0: never)
        int settingsPoll = settings.getInt(PluginSettings.POLL, 10_000);
        if (settingsPoll > 0) pluginSettings.refreshEvery(Duration.ofMillis(settingsPoll));
        Catalog catalog = new Catalog(settings.catalogDir(), ctx, plugins);
        Problems problems = new Problems(runtimes.kernel().messages());
        audit = new AuditLog(dataSource);
        events.subscribe(List.of(PluginManager.TOPIC_PREFIX + "failed"), e -> audit.record(null, "system", "plugin/failed",
                String.valueOf(e.get("component")), (String) e.get("reason"), null));
        Shiro shiro = new Shiro(users, access);
        loginThrottle = new LoginThrottle(settings.getInt(Settings.LOGIN_MAX_FAILURES_ACCOUNT, 5),
                settings.getInt(Settings.LOGIN_MAX_FAILURES_ADDRESS, 20), Duration.ofMinutes(settings.getInt(Settings.LOGIN_WINDOW_MINUTES, 15)),
                Clock.systemUTC());
        SignIn signIn = new SignIn(shiro, loginThrottle, audit);
        var kernelMessages = runtimes.kernel().messages();
        Registration registration = new Registration(users, new Secrets(dataSource), siteSettings(new SiteSettings(dataSource)), mailer, kernelMessages, audit, this::baseUrl);
        ViewRenderer renderer = new ViewRenderer(navigation, themes);
        blocks = new Blocks(runtimes, dataSource);
        blocks.track(ctx, renderer);
        SettingsModel settingsModel = new SettingsModel(plugins, pluginSettings, kernelMessages, this::pluginMessage);
        privacy = new eu.somep.core.privacy.Privacy(dataSource, users, key -> kernelMessages.get(Current.get().locale(), key));
        privacy.track(ctx);
        List<Object> kernelRoutes = List.of(new HomeRoutes(homes, blocks), new DashboardRoutes(blocks), new LoginRoutes(signIn, audit, registration),
                new RegistrationPages(registration), new RegistrationApi(registration, kernelMessages), new TokenApi(users, signIn, audit), new ProfilePage(users, audit, signIn, privacy),
                new ProfileApi(users, audit, runtimes.kernel().messages(), signIn, privacy),
                new HealthRoutes(dataSource, plugins, cluster), new PluginApi(plugins, audit), new AdminPluginsPage(plugins, audit), new AuditRoutes(audit),
                new CatalogApi(catalog, audit), new AdminCatalogPage(catalog, audit), new AdminCompatibilityPage(catalog),
                new BackupApi(new Backup(settings), dataSource, audit),
                new RolesApi(roles, access, users, audit), new AdminRolesPage(roles, access, users, audit, this::capabilityLabel),
                new UsersApi(users, audit, registration, privacy), new AdminUsersPage(users, audit, registration, privacy),
                new PluginSettingsApi(settingsModel, audit), new AdminPluginSettingsPage(settingsModel, audit),
                new ThemesApi(themes, kernelMessages, audit), new AdminThemesPage(themes, kernelMessages, audit));
        apps = new WebApps(runtimes, new JerseyConfigs(renderer, problems), kernelRoutes);
        apps.track(ctx);
        ctx.addBundleListener(plugins);
        plugins.installShipped(settings.pluginsDir());
        if (cluster.enabled()) {
            plugins.follow(); // what other nodes installed or upgraded while this one was down
            plugins.settle();
        }

        plugins.forgetVanishedDeployments();
        web = new WebServer(settings.port(), settings.get(Settings.BIND, "0.0.0.0"), apps,
                new SecurityFilter(users, access, shiro, settings.getInt(Settings.SESSION_MAX_HOURS, 12) * 3_600_000L), settings.dataDir(),
                settings.getInt(Settings.SESSION_IDLE_MINUTES, 120), themes::resource, cluster.enabled() ? dataSource : null);
        writeCliToken(); // before the port answers, so `bin/somep start && bin/somep plugin list` works
        web.start();
        startTurn.close(); // the next node may start now: everything shared exists
        joinCluster();
        framework.startDeployWatcher(plugins);
        devWatch = DevWatch.start(settings.get(Settings.DEV_WATCH, null), settings.deployDir(), 100);
        Warmup.site(web.port());
        return this;
    }

    /** A cluster node when {@code somep.cluster=true} on PostgreSQL; else a node alone. */
    private eu.somep.core.cluster.Cluster openCluster() {
        if (!settings.getBoolean(Settings.CLUSTER)) return eu.somep.core.cluster.Cluster.single(dataSource, settings.get(Settings.NODE_ID, "single"));
        String defaultId; // the host name only in a cluster: a slow name lookup must not delay a single node's start
        try {
            defaultId = java.net.InetAddress.getLocalHost().getHostName() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        } catch (java.io.IOException e) {
            defaultId = "node-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
        String id = settings.get(Settings.NODE_ID, defaultId);
        if (!dataSource.getJdbcUrl().startsWith("jdbc:postgresql:"))
            throw new IllegalStateException("somep.cluster=true needs PostgreSQL: an H2 file belongs to one process. Set somep.db.url to a PostgreSQL database, or turn cluster mode off.");
        return eu.somep.core.cluster.Cluster.joined(dataSource, id, null, dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    private SiteSettings siteSettings(SiteSettings s) {
        siteSettings.add(s);
        return s;
    }

    /** Once this node serves: hear the other nodes, and tell them it is here. */
    private void joinCluster() {
        if (!cluster.enabled()) return;
        cluster.on("plugins", c -> plugins.follow());
        cluster.on("settings", x -> pluginSettings.refresh());
        cluster.on("access", x -> access.changedElsewhere());
        cluster.on("users", x -> users.changedElsewhere());
        cluster.on("login", loginThrottle::heard);
        loginThrottle.shareWith(m -> cluster.send("login", m));
        cluster.on("site", x -> {
            siteSettings.forEach(eu.somep.core.config.SiteSettings::changed);
        });
        access.onChange(() -> cluster.send("access", ""));
        pluginSettings.onChange(() -> cluster.send("settings", ""));
        users.onChange(() -> cluster.send("users", ""));
        siteSettings.forEach(s -> s.onChange(() -> cluster.send("site", "")));
        cluster.onResync(plugins::follow);
        cluster.onResync(pluginSettings::refresh);
        cluster.onResync(access::changedElsewhere);
        cluster.onResync(users::changedElsewhere);
        cluster.onResync(() -> siteSettings.forEach(eu.somep.core.config.SiteSettings::changed));
        // plugins that cache drop it on this too, in case a message from another node was missed
        cluster.onResync(() -> events.publish(RESYNC_TOPIC, java.util.Map.of()));
        cluster.onListening(() -> events.publish(LISTENING_TOPIC, java.util.Map.of("node", cluster.nodeId())));
        cluster.address("http://" + hostName() + ":" + web.port());
        cluster.start(Duration.ofMillis(settings.getInt(Settings.CLUSTER_CHECK, 5_000)), Duration.ofSeconds(2));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The site's address for links in mails: the setting, else this node on localhost. */
    private String baseUrl() {
        String configured = settings.get(Settings.BASE_URL, null);
        if (configured != null && !configured.isBlank()) return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return "http://localhost:" + (web == null ? settings.port() : web.port());
    }

    private void registerServices(BundleContext ctx) {
        ctx.registerService(Database.class.getName(), new DatabaseServiceFactory(dataSource), null);
        ctx.registerService(UserContext.class, Current.SERVICE, null);
        ctx.registerService(eu.somep.api.security.AccessControl.class, new eu.somep.core.access.AccessService(dataSource, access, roles, users), null);
        ctx.registerService(eu.somep.api.security.UserDirectory.class, new eu.somep.core.security.Directory(users), null);
        ctx.registerService(eu.somep.api.web.Uploads.class, new eu.somep.core.security.UploadsService(), null);
        ctx.registerService(EventBus.class, events, null);
        ctx.registerService(eu.somep.api.mail.Mail.class, new eu.somep.core.mail.MailService(mailer, this::baseUrl), null);
        ctx.registerService(Messages.class.getName(), new ServiceFactory<Messages>() {
            @Override
            public Messages getService(Bundle bundle, ServiceRegistration<Messages> reg) {
                return runtimes.of(bundle).messages();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Messages> reg, Messages m) {
            }
        }, null);
    }

    /** A capability's label in the request's language, from the messages of the plugin that declares it (the kernel's for its own). */
    private String capabilityLabel(String component, String key) {
        java.util.Locale locale = Current.get().locale();
        if (!"kernel".equals(component)) {
            Bundle b = plugins.bundle(component).filter(x -> x.getState() == Bundle.ACTIVE).orElse(null);
            if (b != null) return runtimes.of(b).messages().get(locale, key);
        }
        return runtimes.kernel().messages().get(locale, key);
    }

    /** A plugin's own message in the request's language (its settings labels), or null when it has none or is not running. */
    private String pluginMessage(String component, String key) {
        Bundle b = plugins.bundle(component).filter(x -> x.getState() == Bundle.ACTIVE).orElse(null);
        if (b == null) return null;
        String text = runtimes.of(b).messages().get(Current.get().locale(), key);
        return key.equals(text) ? null : text;
    }

    /** The CLI ({@code bin/somep plugin ...}) acts as the administrator with this token, readable only by this user. */
    private void writeCliToken() {
        try {
            Path file = settings.dataDir().resolve("cli-token");
            users.authenticateAdminForCli().ifPresent(admin -> {
                try {
                    Files.deleteIfExists(file);
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, users.issueToken(admin, "cli"));
                } catch (Exception e) {
                    LOG.warning("Cannot write the CLI token: " + e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warning("Cannot write the CLI token: " + e.getMessage());
        }
    }

    public int port() { return web.port(); }
    public PluginManager plugins() { return plugins; }
    public EventHub events() { return events; }
    public Settings settings() { return settings; }
    public Users users() { return users; }
    public LoginThrottle loginThrottle() { return loginThrottle; }
    public AuditLog audit() { return audit; }
    public Roles roles() { return roles; }
    public eu.somep.core.privacy.Privacy privacy() { return privacy; }
    public HikariDataSource dataSource() { return dataSource; }
    public BundleContext bundleContext() { return framework.context(); }
    public eu.somep.core.cluster.Cluster cluster() { return cluster; }

    @Override
    public void close() {
        if (devWatch != null) devWatch.close();
        if (cluster != null) cluster.close();
        if (web != null) web.stop();
        try {
            Files.deleteIfExists(settings.dataDir().resolve("cli-token"));
        } catch (java.io.IOException e) {
            LOG.fine("cli-token stays: " + e.getMessage());
        }
        if (apps != null) apps.close();
        if (scheduler != null) scheduler.close(); // before the plugins: no task may run while its plugin stops
        if (pluginSettings != null) pluginSettings.close();
        if (plugins != null) plugins.close();
        if (navigation != null) navigation.close();
        if (homes != null) homes.close();
        if (blocks != null) blocks.close();
        if (privacy != null) privacy.close();
        if (themes != null) themes.close();
        if (framework != null) framework.stop();
        if (events != null) events.close();
        if (mailer != null) mailer.close();
        if (dataSource != null) dataSource.close();
    }
}
