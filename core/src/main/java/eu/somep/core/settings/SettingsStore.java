package eu.somep.core.settings;

import eu.somep.core.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes {@code kernel_plugin_setting}: the values administrators chose, as text. */
public final class SettingsStore {
    private final DataSource ds;

    /** One stored value of a plugin's configuration {@code pid}. */
    public record Row(String component, String pid, String attribute, String value) {
    }

    public SettingsStore(DataSource ds) {
        this.ds = ds;
    }

    public List<Row> of(String component) {
        return query("SELECT * FROM kernel_plugin_setting WHERE component = ? ORDER BY pid, attribute", component);
    }

    public List<Row> all() {
        return query("SELECT * FROM kernel_plugin_setting ORDER BY component, pid, attribute");
    }

    /** Writes all the rows in one transaction: either every value is kept or none; a concurrent save of a key is retried. */
    public void save(List<Row> rows) {
        try {
            Transactions.retryingOnConflict(ds, c -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM kernel_plugin_setting WHERE component = ? AND pid = ? AND attribute = ?");
                     PreparedStatement ins = c.prepareStatement(
                             "INSERT INTO kernel_plugin_setting (component, pid, attribute, setting_value, updated_at) VALUES (?,?,?,?,?)")) {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (Row r : rows) {
                        del.setString(1, r.component());
                        del.setString(2, r.pid());
                        del.setString(3, r.attribute());
                        del.executeUpdate();
                        ins.setString(1, r.component());
                        ins.setString(2, r.pid());
                        ins.setString(3, r.attribute());
                        ins.setString(4, r.value());
                        ins.setTimestamp(5, now);
                        ins.executeUpdate();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save plugin settings: " + e.getMessage(), e);
        }
    }

    /** Forgets a plugin's settings (when its data is purged). */
    public void forget(String component) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM kernel_plugin_setting WHERE component = ?")) {
            ps.setString(1, component);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget the settings of " + component + ": " + e.getMessage(), e);
        }
    }

    private List<Row> query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Row(rs.getString("component"), rs.getString("pid"), rs.getString("attribute"), rs.getString("setting_value")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read plugin settings: " + e.getMessage(), e);
        }
    }
}
