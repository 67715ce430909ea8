package eu.somep.core.access;

import eu.somep.api.security.AccessControl;
import eu.somep.api.web.Problem;
import eu.somep.core.security.Current;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The kernel's {@link AccessControl} service for plugins: contexts in {@code kernel_context}, checks by {@link Access}. */
public final class AccessService implements AccessControl {
    private final DataSource ds;
    private final Access access;
    private final Roles roles;
    private final Users users;
    /** level|instance → context id: looked up on every course and activity page, and never changes once made. */
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    public AccessService(DataSource ds, Access access, Roles roles, Users users) {
        this.ds = ds;
        this.access = access;
        this.roles = roles;
        this.users = users;
    }

    @Override
    public synchronized long context(String level, long instanceId, long parent) {
        Optional<Long> found = findContext(level, instanceId);
        if (found.isPresent()) return found.get();
        if (!List.of(CATEGORY, COURSE, ACTIVITY).contains(level)) throw new IllegalArgumentException("Unknown context level " + level);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_context (level, instance_id, parent_id) VALUES (?,?,?)", new String[] {"id"})) {
            ps.setString(1, level);
            ps.setLong(2, instanceId);
            ps.setLong(3, parent);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                long id = rs.getLong(1);
                ids.put(level + "|" + instanceId, id);
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the context: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Long> findContext(String level, long instanceId) {
        Long cached = ids.get(level + "|" + instanceId);
        if (cached != null) return Optional.of(cached);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM kernel_context WHERE level = ? AND instance_id = ?")) {
            ps.setString(1, level);
            ps.setLong(2, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                ids.put(level + "|" + instanceId, rs.getLong(1));
                return Optional.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the context: " + e.getMessage(), e);
        }
    }

    @Override
    public void move(long context, long newParent) {
        if (context == SITE) throw new IllegalArgumentException("The site context has no parent.");
        update("UPDATE kernel_context SET parent_id = ? WHERE id = ?", newParent, context);
    }

    @Override
    public void deleteContext(long context) {
        if (context == SITE) throw new IllegalArgumentException("The site context cannot be deleted.");
        // children first: not every database cascades through a self-reference in one statement
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM kernel_context WHERE parent_id = ?")) {
            ps.setLong(1, context);
            List<Long> children = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) children.add(rs.getLong(1));
            }
            for (long child : children) deleteContext(child);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the context: " + e.getMessage(), e);
        }
        update("DELETE FROM kernel_role_assignment WHERE context_id = ?", context);
        update("DELETE FROM kernel_role_capability WHERE context_id = ?", context);
        update("DELETE FROM kernel_context WHERE id = ?", context);
        ids.values().removeIf(v -> v == context);
    }

    @Override
    public boolean can(String capability, long context) {
        return Current.get().can(capability, context);
    }

    @Override
    public boolean can(long userId, String capability, long context) {
        return users.find(userId).map(u -> access.can(u, capability, context)).orElse(false);
    }

    @Override
    public void require(String capability, long context) {
        if (can(capability, context)) return;
        if (Current.get().user().isEmpty()) throw new Problem(401, "Unauthorized", "Sign in first.");
        throw new Problem(403, "Forbidden", "You do not have the capability " + capability + " here.");
    }

    @Override
    public void requireOwnerOr(long ownerId, String ownCapability, String anyCapability, long context) {
        Optional<User> me = Current.get().user();
        boolean owner = me.isPresent() && me.get().id() == ownerId && (ownCapability == null || can(ownCapability, context));
        if (owner || (anyCapability != null && can(anyCapability, context))) return;
        throw Problem.notFound("There is no such item, or it is not yours.");
    }

    @Override
    public void assign(long userId, String role, long context) {
        roles.assign(userId, role(role), context);
    }

    @Override
    public boolean unassign(long userId, String role, long context) {
        return roles.unassign(userId, role(role), context);
    }

    @Override
    public List<Long> usersWithRole(String role, long context) {
        return query("SELECT a.user_id FROM kernel_role_assignment a JOIN kernel_role r ON r.id = a.role_id WHERE r.shortname = ? AND a.context_id = ? ORDER BY a.user_id",
                rs -> rs.getLong(1), role, context);
    }

    @Override
    public List<String> rolesOf(long userId, long context) {
        return query("SELECT r.shortname FROM kernel_role_assignment a JOIN kernel_role r ON r.id = a.role_id WHERE a.user_id = ? AND a.context_id = ? ORDER BY r.id",
                rs -> rs.getString(1), userId, context);
    }

    private long role(String shortname) {
        return roles.find(shortname).orElseThrow(() -> new IllegalArgumentException("There is no role " + shortname)).id();
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read role assignments: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change contexts: " + e.getMessage(), e);
        } finally {
            access.changed();
        }
    }
}
