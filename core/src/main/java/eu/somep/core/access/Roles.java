package eu.somep.core.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Roles, their assignments to users in contexts, and their permissions (defaults and overrides) in contexts. */
public final class Roles {
    private static final List<String> ARCHETYPES = List.of("administrator", "manager", "trainer", "trainee", "guest", "user");
    private final DataSource ds;
    private final Access access;

    public Roles(DataSource ds, Access access) {
        this.ds = ds;
        this.access = access;
    }

    public record Role(long id, String shortname, String name, String archetype, List<String> assignedUsers) {
    }

    public record Capability(String name, String component, String context, String risks, String label) {
    }

    public List<Role> list() {
        List<Role> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_role ORDER BY id");
             PreparedStatement users = c.prepareStatement(
                     "SELECT u.username FROM kernel_role_assignment a JOIN kernel_user u ON u.id = a.user_id WHERE a.role_id = ? ORDER BY u.username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> assigned = new ArrayList<>();
                users.setLong(1, rs.getLong("id"));
                try (ResultSet u = users.executeQuery()) {
                    while (u.next()) assigned.add(u.getString(1));
                }
                out.add(new Role(rs.getLong("id"), rs.getString("shortname"), rs.getString("name"), rs.getString("archetype"), assigned));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list roles: " + e.getMessage(), e);
        }
    }

    public Optional<Role> find(String shortname) {
        return list().stream().filter(r -> r.shortname().equals(shortname)).findFirst();
    }

    public List<Capability> capabilities() {
        List<Capability> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_capability ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Capability(rs.getString("name"), rs.getString("component"), rs.getString("context_level"), rs.getString("risks"), rs.getString("label_key")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list capabilities: " + e.getMessage(), e);
        }
    }

    public boolean capabilityExists(String name) {
        return capabilities().stream().anyMatch(c -> c.name().equals(name));
    }

    public void assign(long userId, long roleId, long context) {
        update("MERGE INTO kernel_role_assignment (user_id, role_id, context_id) KEY (user_id, role_id, context_id) VALUES (?,?,?)",
                "INSERT INTO kernel_role_assignment (user_id, role_id, context_id) VALUES (?,?,?) ON CONFLICT DO NOTHING", userId, roleId, context);
    }

    public boolean unassign(long userId, long roleId, long context) {
        return update("DELETE FROM kernel_role_assignment WHERE user_id = ? AND role_id = ? AND context_id = ?", null, userId, roleId, context) > 0;
    }

    /** Sets (or with {@code null}, removes) a role's permission for a capability in a context. */
    public void set(long roleId, String capability, long context, Permission p) {
        update("DELETE FROM kernel_role_capability WHERE role_id = ? AND capability = ? AND context_id = ?", null, roleId, capability, context);
        if (p != null) {
            update("INSERT INTO kernel_role_capability (role_id, capability, context_id, permission) VALUES (?,?,?,?)", null, roleId, capability, context, p.value);
        }
    }

    /** Registers capabilities declared by the kernel or a plugin, with their defaults per archetype (kept if already set). */
    public void declare(String component, List<CapabilityDef> defs) {
        for (CapabilityDef d : defs) {
            if (!d.name().startsWith(component + ":")) {
                throw new IllegalArgumentException("Capability " + d.name() + " must start with '" + component + ":'.");
            }
            update("DELETE FROM kernel_capability WHERE name = ?", null, d.name());
            update("INSERT INTO kernel_capability (name, component, context_level, risks, label_key) VALUES (?,?,?,?,?)", null,
                    d.name(), component, d.context() == null ? "site" : d.context(), String.join(",", d.risks()), d.label());
            for (var e : d.defaults().entrySet()) {
                Permission p = Permission.parse(e.getValue());
                if (p == null || !ARCHETYPES.contains(e.getKey())) continue;
                update("INSERT INTO kernel_role_capability (role_id, capability, context_id, permission) "
                        + "SELECT r.id, ?, 1, ? FROM kernel_role r WHERE r.archetype = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM kernel_role_capability x WHERE x.role_id = r.id AND x.capability = ? AND x.context_id = 1)",
                        null, d.name(), p.value, e.getKey(), d.name());
            }
        }
    }

    /** Removes a component's capabilities and every permission set for them (the plugin is uninstalled). */
    public void forget(String component) {
        update("DELETE FROM kernel_role_capability WHERE capability LIKE ?", null, component + ":%");
        update("DELETE FROM kernel_capability WHERE component = ?", null, component);
    }

    private int update(String h2Sql, String pgSql, Object... args) {
        try (Connection c = ds.getConnection()) {
            String sql = pgSql != null && c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? pgSql : h2Sql;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change roles: " + e.getMessage(), e);
        } finally {
            access.changed(); // every change of roles applies on the next request
        }
    }
}
