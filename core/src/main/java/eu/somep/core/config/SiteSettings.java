package eu.somep.core.config;

import eu.somep.core.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Settings an administrator changes at runtime, in {@code kernel_setting}: in the database, so every node of a
 * cluster sees the same value. Read often (on every registration page), so values are cached until changed.
 */
public final class SiteSettings {
    private final DataSource ds;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public SiteSettings(DataSource ds) {
        this.ds = ds;
    }

    public String get(String name, String fallback) {
        return cache.computeIfAbsent(name, this::load).orElse(fallback);
    }

    /** Replaces the value in one transaction; a concurrent save of the same name is retried, so the last one wins. */
    public void set(String name, String value) {
        try {
            Transactions.retryingOnConflict(ds, c -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM kernel_setting WHERE name = ?");
                     PreparedStatement ins = c.prepareStatement("INSERT INTO kernel_setting (name, setting_value) VALUES (?, ?)")) {
                    del.setString(1, name);
                    del.executeUpdate();
                    ins.setString(1, name);
                    ins.setString(2, value);
                    ins.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the setting " + name + ": " + e.getMessage(), e);
        } finally {
            cache.remove(name);
            onChange.run();
        }
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change made through this object (a cluster tells the other nodes). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** Forgets cached values (another node changed them). */
    public void changed() {
        cache.clear();
    }

    private Optional<String> load(String name) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM kernel_setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the setting " + name + ": " + e.getMessage(), e);
        }
    }
}
