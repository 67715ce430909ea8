package eu.somep.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.somep.core.config.Settings;

/** The one connection pool every part of SOMEP shares: H2 in the data folder by default, PostgreSQL when configured. */
public final class DataSources {
    private DataSources() {
    }

    public static HikariDataSource open(Settings settings) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(settings.dbUrl());
        cfg.setUsername(settings.get(Settings.DB_USER, settings.dbUrl().startsWith("jdbc:h2:") ? "sa" : null));
        cfg.setPassword(settings.get(Settings.DB_PASSWORD, ""));
        cfg.setMaximumPoolSize(settings.getInt(Settings.DB_POOL, 16));
        cfg.setPoolName("somep");
        cfg.setConnectionTimeout(Math.max(250, settings.getInt(Settings.DB_WAIT, 10_000))); // Hikari's least
        return new HikariDataSource(cfg);
    }
}
