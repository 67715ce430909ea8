package eu.somep.core.db;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Flyway migrations: the kernel's from its class path, each plugin's read straight from its bundle (Flyway's
 * class-path scanner cannot look inside bundles reliably), each with its own schema history table
 * {@code <component>_schema_history}.
 */
public final class Migrations {
    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrateKernel() {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .table("kernel_schema_history")
                .locations("classpath:db/migration/kernel")
                .load().migrate();
    }

    /** Runs the plugin's pending migrations; returns how many ran. */
    public int migratePlugin(Bundle bundle, String component) {
        List<LoadableResource> scripts = new ArrayList<>();
        var entries = bundle.findEntries("db/migration/" + component, "*.sql", false);
        if (entries != null) {
            while (entries.hasMoreElements()) scripts.add(new BundleScript(entries.nextElement()));
        }
        if (scripts.isEmpty()) return 0;
        return flyway(component, scripts, false).migrate().migrationsExecuted;
    }

    /**
     * Runs the pending migrations of a plugin jar that is not installed yet (an upgrade), all in one
     * transaction where the database can roll back DDL (PostgreSQL). When one fails, the history's record of the
     * failure is removed again (databases that commit DDL at once, such as H2, record it), so the version
     * still installed starts as before.
     */
    public int migrateJar(Path jar, String component) throws IOException {
        List<LoadableResource> scripts = jarScripts(jar, component);
        if (scripts.isEmpty()) return 0;
        Flyway flyway = flyway(component, scripts, transactionalDdl());
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (RuntimeException e) {
            try {
                flyway.repair();
            } catch (RuntimeException repair) {
                e.addSuppressed(repair);
            }
            throw e;
        }
    }

    /**
     * PostgreSQL rolls DDL back, so an upgrade's migrations run as one all-or-nothing transaction there. H2
     * commits DDL at once: there each migration keeps its own transaction, so the ones that succeeded stay
     * recorded as applied and are not run a second time.
     */
    private boolean transactionalDdl() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static List<LoadableResource> jarScripts(Path jar, String component) throws IOException {
        List<LoadableResource> scripts = new ArrayList<>();
        String prefix = "db/migration/" + component + "/";
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(jf.entries())) {
                String n = e.getName();
                if (!n.startsWith(prefix) || !n.endsWith(".sql") || n.indexOf('/', prefix.length()) >= 0) continue;
                try (var in = jf.getInputStream(e)) {
                    scripts.add(new TextScript(n.substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return scripts;
    }

    private Flyway flyway(String component, List<LoadableResource> scripts, boolean group) {
        Collections.sort(scripts);
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(historyTable(component))
                // the schema already holds other components' tables: start this history at version 0
                .baselineOnMigrate(true).baselineVersion("0")
                .group(group)
                .resourceProvider(new ResourceProvider() {
                    @Override
                    public LoadableResource getResource(String name) {
                        return scripts.stream().filter(s -> s.getFilename().equals(name)).findFirst().orElse(null);
                    }

                    @Override
                    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                        List<LoadableResource> out = new ArrayList<>();
                        for (LoadableResource s : scripts) {
                            for (String suffix : suffixes) {
                                if (s.getFilename().startsWith(prefix) && s.getFilename().endsWith(suffix)) out.add(s);
                            }
                        }
                        return out;
                    }
                })
                .javaMigrationClassProvider(Collections::emptyList)
                .load();
    }

    public static String historyTable(String component) {
        return component + "_schema_history";
    }

    /** A migration read out of a jar into memory. */
    private static final class TextScript extends LoadableResource {
        private final String name;
        private final String text;

        TextScript(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override public Reader read() { return new java.io.StringReader(text); }
        @Override public String getAbsolutePath() { return name; }
        @Override public String getAbsolutePathOnDisk() { return name; }
        @Override public String getFilename() { return name; }
        @Override public String getRelativePath() { return name; }
    }

    private static final class BundleScript extends LoadableResource {
        private final URL url;
        private final String name;

        BundleScript(URL url) {
            this.url = url;
            String p = url.getPath();
            this.name = p.substring(p.lastIndexOf('/') + 1);
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public String getAbsolutePath() { return url.getPath(); }
        @Override public String getAbsolutePathOnDisk() { return url.toString(); }
        @Override public String getFilename() { return name; }
        @Override public String getRelativePath() { return name; }
    }
}
