package eu.somep.core.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Roles, their assignments to users in contexts, and their permissions (defaults and overrides) in contexts. */
public final class Roles {
    /** The archetypes a role may have; each is also the shortname of a built-in role. */
    public static final List<String> ARCHETYPES = List.of("administrator", "manager", "trainer", "trainee", "guest", "user");
    /** The built-in roles have the ids 1 to 6 (V3__roles.sql); they cannot be deleted. */
    private static final long LAST_BUILT_IN = 6;
    private final DataSource ds;
    private final Access access;

    public Roles(DataSource ds, Access access) {
        this.ds = ds;
        this.access = access;
    }

    public record Role(long id, String shortname, String name, String archetype, boolean builtIn, List<String> assignedUsers) {
    }

    /** A node of the context tree (site, and later category, course, activity). */
    public record Context(long id, String level, Long instanceId, Long parentId) {
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
                long id = rs.getLong("id");
                out.add(new Role(id, rs.getString("shortname"), rs.getString("name"), rs.getString("archetype"), id <= LAST_BUILT_IN, assigned));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list roles: " + e.getMessage(), e);
        }
    }

    public Optional<Role> find(String shortname) {
        return list().stream().filter(r -> r.shortname().equals(shortname)).findFirst();
    }

    /**
     * Creates a role; with an archetype, it starts with the site-context permissions of the built-in role of that
     * archetype (and later gets the archetype's defaults of newly declared capabilities). Empty if the shortname is taken.
     */
    public Optional<Role> create(String shortname, String name, String archetype) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_role (shortname, name, archetype) VALUES (?,?,?)")) {
                    ps.setString(1, shortname);
                    ps.setString(2, name);
                    ps.setString(3, archetype);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM kernel_role WHERE shortname = ?")) {
                    ps.setString(1, shortname);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                if (archetype != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO kernel_role_capability (role_id, context_id, capability, permission) SELECT ?, context_id, capability, permission "
                                    + "FROM kernel_role_capability WHERE context_id = ? AND role_id = "
                                    + "(SELECT MIN(id) FROM kernel_role WHERE archetype = ? AND id <= " + LAST_BUILT_IN + ")")) {
                        ps.setLong(1, id);
                        ps.setLong(2, Access.SITE);
                        ps.setString(3, archetype);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState())) return Optional.empty(); // unique violation: H2 and PostgreSQL alike
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the role " + shortname + ": " + e.getMessage(), e);
        } finally {
            access.changed();
        }
        return find(shortname);
    }

    /** Deletes a custom role with its permissions and assignments; false for a built-in role or none. */
    public boolean delete(long roleId) {
        if (roleId <= LAST_BUILT_IN) return false;
        return update("DELETE FROM kernel_role WHERE id = ?", null, roleId) > 0;
    }

    public Optional<Context> context(long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_context WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(context(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the context " + id + ": " + e.getMessage(), e);
        }
    }

    /** The first contexts by id (the site first), at most {@code limit}. */
    public List<Context> contexts(int limit) {
        List<Context> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_context ORDER BY id")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(context(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list contexts: " + e.getMessage(), e);
        }
    }

    private static Context context(ResultSet rs) throws SQLException {
        return new Context(rs.getLong("id"), rs.getString("level"), rs.getObject("instance_id", Long.class), rs.getObject("parent_id", Long.class));
    }

    /** The permissions a role defines in exactly this context, by capability (absent: inherit). */
    public Map<String, Permission> defined(long roleId, long context) {
        Map<String, Permission> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT capability, permission FROM kernel_role_capability WHERE role_id = ? AND context_id = ?")) {
            ps.setLong(1, roleId);
            ps.setLong(2, context);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), Permission.of(rs.getInt(2)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the permissions of role " + roleId + ": " + e.getMessage(), e);
        }
    }

    /** Sets several permissions of a role in a context at once (a null value: inherit), all or none. */
    public void setAll(long roleId, long context, Map<String, Permission> permissions) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM kernel_role_capability WHERE role_id = ? AND capability = ? AND context_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO kernel_role_capability (role_id, capability, context_id, permission) VALUES (?,?,?,?)")) {
                for (var e : permissions.entrySet()) {
                    del.setLong(1, roleId);
                    del.setString(2, e.getKey());
                    del.setLong(3, context);
                    del.executeUpdate();
                    if (e.getValue() != null) {
                        ins.setLong(1, roleId);
                        ins.setString(2, e.getKey());
                        ins.setLong(3, context);
                        ins.setInt(4, e.getValue().value);
                        ins.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the permissions of role " + roleId + ": " + e.getMessage(), e);
        } finally {
            access.changed();
        }
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
