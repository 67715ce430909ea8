package eu.somep.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * SOMEP's settings. Each key (for example {@code somep.db.url}) is read, first found wins, from: explicit
 * overrides (tests, command-line flags), the environment variable named after it ({@code SOMEP_DB_URL}),
 * {@code conf/somep.properties} under the home and then under the distribution, and the default.
 */
public final class Settings {
    public static final String HOME = "somep.home";
    public static final String DIST = "somep.dist";
    public static final String PORT = "somep.port";
    public static final String DATA = "somep.data";
    public static final String DEPLOY = "somep.deploy";
    public static final String PLUGINS = "somep.plugins";
    /** The plugin catalog: a folder of plugin jars with an OSGi repository index, index.xml. */
    public static final String CATALOG = "somep.catalog";
    public static final String DB_URL = "somep.db.url";
    public static final String DB_USER = "somep.db.user";
    public static final String DB_PASSWORD = "somep.db.password";
    public static final String DB_POOL = "somep.db.pool";
    /** How long (ms) a request waits for a free database connection before it is answered 503 (overload). */
    public static final String DB_WAIT = "somep.db.wait.ms";
    public static final String SAFE_MODE = "somep.safe.mode";
    public static final String ADMIN_PASSWORD = "somep.admin.password";
    /** Demo accounts (a trainer and a trainee) on first start: on for ./somep, off for bin/somep (production). */
    public static final String DEMO = "somep.demo";
    public static final String DEMO_PASSWORD = "somep.demo.password";
    public static final String PLUGIN_START_TIMEOUT = "somep.plugin.start.timeout.ms";
    public static final String DEPLOY_POLL = "somep.deploy.poll.ms";
    public static final String BIND = "somep.bind";
    public static final String LOGIN_MAX_FAILURES_ACCOUNT = "somep.login.max.failures.account";
    public static final String LOGIN_MAX_FAILURES_ADDRESS = "somep.login.max.failures.address";
    public static final String LOGIN_WINDOW_MINUTES = "somep.login.window.minutes";
    public static final String SESSION_IDLE_MINUTES = "somep.session.idle.minutes";
    public static final String SESSION_MAX_HOURS = "somep.session.max.hours";
    /** The SMTP server that sends confirmation, password-reset and notification mail. */
    public static final String MAIL_HOST = "somep.mail.host";
    public static final String MAIL_PORT = "somep.mail.port";
    public static final String MAIL_FROM = "somep.mail.from";
    public static final String MAIL_USER = "somep.mail.user";
    public static final String MAIL_PASSWORD = "somep.mail.password";
    /** The site's public address, used in links sent by mail (never taken from a request's Host header). */
    public static final String BASE_URL = "somep.base.url";
    /** Development loop: plugin jars or build folders whose rebuilt jars are deployed at once (see DevWatch). */
    public static final String DEV_WATCH = "somep.dev.watch";
    /** {@code true}: this node is one of several on one PostgreSQL database (docs/deployment.md). */
    public static final String CLUSTER = "somep.cluster";
    /** This node's name in the cluster; default: the host name and port. */
    public static final String NODE_ID = "somep.node.id";
    /** How often (ms) a cluster node re-reads what is shared, in case a notification was missed. */
    /** How long (ms) a node waits before it tries again to start a plugin it failed to follow (the others run it). */
    public static final String CLUSTER_FOLLOW_RETRY = "somep.cluster.follow.retry.ms";
    public static final String CLUSTER_CHECK = "somep.cluster.check.ms";

    private final Map<String, String> overrides;
    private final Map<String, String> env;
    private final Properties file = new Properties();

    private Settings(Map<String, String> overrides, Map<String, String> env) {
        this.overrides = new HashMap<>(overrides);
        this.env = env;
    }

    public static Settings load(Map<String, String> overrides, Map<String, String> env) {
        Settings s = new Settings(overrides, env);
        Path dist = Path.of(s.raw(DIST, s.raw(HOME, ".")));
        s.readFile(dist.resolve("conf/somep.properties"));
        s.readFile(s.home().resolve("conf/somep.properties"));
        return s;
    }

    private void readFile(Path p) {
        if (!Files.isRegularFile(p)) return;
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            Properties props = new Properties();
            props.load(r);
            file.putAll(props);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read settings file " + p + ": " + e.getMessage(), e);
        }
    }

    private String raw(String key, String fallback) {
        String v = overrides.get(key);
        if (v == null) v = env.get(envName(key));
        if (v == null) v = file.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** {@code somep.db.url} becomes {@code SOMEP_DB_URL}. */
    public static String envName(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String get(String key, String fallback) {
        return raw(key, fallback);
    }

    public int getInt(String key, int fallback) {
        String v = raw(key, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " (" + envName(key) + ") must be a whole number, not '" + v + "'");
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(raw(key, "false"));
    }

    public Path home() { return Path.of(raw(HOME, ".")).toAbsolutePath().normalize(); }
    public Path dist() { return Path.of(raw(DIST, home().toString())).toAbsolutePath().normalize(); }
    public Path dataDir() { return Path.of(raw(DATA, home().resolve("data").toString())).toAbsolutePath().normalize(); }
    public Path deployDir() { return Path.of(raw(DEPLOY, home().resolve("deploy").toString())).toAbsolutePath().normalize(); }
    public Path pluginsDir() { return Path.of(raw(PLUGINS, dist().resolve("plugins").toString())).toAbsolutePath().normalize(); }
    public Path catalogDir() { return Path.of(raw(CATALOG, dist().resolve("catalog").toString())).toAbsolutePath().normalize(); }
    public int port() { return getInt(PORT, 8080); }
    public boolean safeMode() { return getBoolean(SAFE_MODE); }

    /**
     * H2 by default. WRITE_DELAY=0: H2 otherwise keeps committed changes in memory for up to 500 ms, and a killed
     * process loses writes it has already acknowledged (CrashIT, docs/reliability.md). {@code retry:} rather than
     * {@code file:}: with {@code file:}, a thread interrupted while H2 writes (a plugin start cut off at its time bound,
     * a task stopped at shutdown) closes the file channel and with it the whole database for every plugin; H2's
     * {@code retry:} file system re-opens the file and repeats the write.
     */
    public String dbUrl() {
        return raw(DB_URL, "jdbc:h2:retry:" + dataDir().resolve("somep") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }
}
