package eu.somep.core.plugin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes {@code kernel_plugin}. */
public final class PluginStore {
    private final DataSource ds;

    public PluginStore(DataSource ds) {
        this.ds = ds;
    }

    public Optional<PluginRecord> find(String component) {
        List<PluginRecord> rows = query("SELECT * FROM kernel_plugin WHERE component = ?", component);
        return rows.stream().findFirst();
    }

    public List<PluginRecord> all() {
        return query("SELECT * FROM kernel_plugin ORDER BY component");
    }

    public void save(PluginRecord r) {
        try (Connection c = ds.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kernel_plugin SET symbolic_name=?, version=?, name=?, description=?, location=?, enabled=?, state=?, reason=?, updated_at=? WHERE component=?")) {
                bind(ps, r, 1);
                ps.setString(10, r.component());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO kernel_plugin (symbolic_name, version, name, description, location, enabled, state, reason, updated_at, component) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    bind(ps, r, 1);
                    ps.setString(10, r.component());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save plugin state of " + r.component() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, PluginRecord r, int i) throws SQLException {
        ps.setString(i, r.symbolicName());
        ps.setString(i + 1, r.version());
        ps.setString(i + 2, r.name());
        ps.setString(i + 3, r.description());
        ps.setString(i + 4, r.location());
        ps.setBoolean(i + 5, r.enabled());
        ps.setString(i + 6, r.state().name());
        ps.setString(i + 7, r.reason() == null ? null : r.reason().substring(0, Math.min(r.reason().length(), 4000)));
        ps.setTimestamp(i + 8, Timestamp.from(r.updatedAt()));
    }

    private List<PluginRecord> query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<PluginRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PluginRecord(rs.getString("component"), rs.getString("symbolic_name"), rs.getString("version"),
                            rs.getString("name"), rs.getString("description"), rs.getString("location"), rs.getBoolean("enabled"),
                            PluginState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getTimestamp("updated_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read plugin state: " + e.getMessage(), e);
        }
    }
}
