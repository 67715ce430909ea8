package eu.somep.core.db;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
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
        Collections.sort(scripts);
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(historyTable(component))
                // the schema already holds other components' tables: start this history at version 0
                .baselineOnMigrate(true).baselineVersion("0")
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
                .load().migrate().migrationsExecuted;
    }

    public static String historyTable(String component) {
        return component + "_schema_history";
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
