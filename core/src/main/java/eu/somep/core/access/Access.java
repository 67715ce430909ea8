package eu.somep.core.access;

import eu.somep.core.security.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Answers "may this user do this capability in this context", Moodle-style: site administrators may do
 * everything; everyone else gets the roles assigned to them in the context or its parents, plus {@code user}
 * when signed in or {@code guest} when not. For each role, the permission defined in the most specific context
 * on the path wins; a prohibit from any role denies, else an allow from any role allows. Answers are cached per
 * user and context, and the whole cache is dropped on any change of roles, assignments or capabilities.
 */
public final class Access {
    public static final long SITE = 1;
    static final long GUEST_ROLE = 5;
    static final long USER_ROLE = 6;
    private final DataSource ds;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    public Access(DataSource ds) {
        this.ds = ds;
    }

    public boolean can(User user, String capability, long context) {
        if (user != null && user.siteAdmin()) return true;
        String key = (user == null ? "guest" : user.id()) + "|" + context + "|" + capability;
        return cache.computeIfAbsent(key, k -> decide(user, capability, context, null));
    }

    /** The answer with the reasons that led to it, for the "check permissions" page. */
    public List<String> explain(User user, String capability, long context, boolean[] allowed) {
        List<String> why = new ArrayList<>();
        if (user != null && user.siteAdmin()) {
            why.add(user.username() + " is a site administrator: every capability is allowed.");
            allowed[0] = true;
            return why;
        }
        allowed[0] = decide(user, capability, context, why);
        return why;
    }

    public void changed() {
        cache.clear();
        onChange.run();
    }

    /** Another node of the cluster changed roles or capabilities: forget the answers, tell no one. */
    public void changedElsewhere() {
        cache.clear();
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change made on this node (a cluster tells the other nodes). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    private boolean decide(User user, String capability, long context, List<String> why) {
        try (Connection c = ds.getConnection()) {
            List<Long> path = path(c, context);
            Map<Long, String> roles = roles(c, user, path);
            boolean allow = false;
            for (var role : roles.entrySet()) {
                Permission p = permission(c, role.getKey(), capability, path);
                if (why != null) why.add("Role " + role.getValue() + ": " + (p == null ? "not set (inherit: no)" : p.name().toLowerCase()) + ".");
                if (p == Permission.PROHIBIT) {
                    if (why != null) why.add("A prohibit cannot be overridden: denied.");
                    return false;
                }
                if (p == Permission.ALLOW) allow = true;
            }
            if (why != null) {
                if (roles.isEmpty()) why.add("No role in this context.");
                why.add(allow ? "At least one role allows it: allowed." : "No role allows it: denied.");
            }
            return allow;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the capability " + capability + ": " + e.getMessage(), e);
        }
    }

    /** What a role's permission for a capability comes to in a context, and the context that defines it. */
    public record Resolved(Permission permission, long from) {
    }

    /**
     * A role's effective permission for every capability it has a permission for on the path of the context,
     * resolved as {@link #can} does (a prohibit anywhere on the path wins, else the most specific definition);
     * a capability absent from the map is not set for the role (it does not grant it).
     */
    public Map<String, Resolved> effective(long role, long context) {
        try (Connection c = ds.getConnection()) {
            List<Long> path = path(c, context);
            Map<String, Map<Long, Integer>> byCapability = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT capability, context_id, permission FROM kernel_role_capability WHERE role_id = ?")) {
                ps.setLong(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (path.contains(rs.getLong(2))) byCapability.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                    }
                }
            }
            Map<String, Resolved> out = new HashMap<>();
            byCapability.forEach((capability, byContext) -> {
                Resolved r = resolve(byContext, path);
                if (r != null) out.put(capability, r);
            });
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve the permissions of role " + role + ": " + e.getMessage(), e);
        }
    }

    /** The context and its parents, most specific first. */
    private static List<Long> path(Connection c, long context) throws SQLException {
        List<Long> path = new ArrayList<>();
        Long cur = context;
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM kernel_context WHERE id = ?")) {
            while (cur != null && path.size() < 16) {
                path.add(cur);
                ps.setLong(1, cur);
                try (ResultSet rs = ps.executeQuery()) {
                    cur = rs.next() ? (Long) rs.getObject(1, Long.class) : null;
                }
            }
        }
        return path;
    }

    private static Map<Long, String> roles(Connection c, User user, List<Long> path) throws SQLException {
        Map<Long, String> roles = new HashMap<>();
        long implicit = user == null ? GUEST_ROLE : USER_ROLE;
        roles.put(implicit, user == null ? "guest (not signed in)" : "user (every signed-in user)");
        if (user == null) return roles;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT r.id, r.shortname, a.context_id FROM kernel_role_assignment a JOIN kernel_role r ON r.id = a.role_id WHERE a.user_id = ?")) {
            ps.setLong(1, user.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (path.contains(rs.getLong(3))) roles.put(rs.getLong(1), rs.getString(2) + " (assigned in context " + rs.getLong(3) + ")");
                }
            }
        }
        return roles;
    }

    private static Permission permission(Connection c, long role, String capability, List<Long> path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT context_id, permission FROM kernel_role_capability WHERE role_id = ? AND capability = ?")) {
            ps.setLong(1, role);
            ps.setString(2, capability);
            Map<Long, Integer> byContext = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byContext.put(rs.getLong(1), rs.getInt(2));
            }
            Resolved r = resolve(byContext, path);
            return r == null ? null : r.permission();
        }
    }

    private static Resolved resolve(Map<Long, Integer> byContext, List<Long> path) {
        // a prohibit anywhere on the path cannot be overridden below it
        for (long ctx : path) if (Integer.valueOf(Permission.PROHIBIT.value).equals(byContext.get(ctx))) return new Resolved(Permission.PROHIBIT, ctx);
        for (long ctx : path) {
            Integer p = byContext.get(ctx);
            if (p != null) return new Resolved(Permission.of(p), ctx);
        }
        return null;
    }
}
