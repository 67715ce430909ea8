package eu.somep.core.audit;

import eu.somep.core.security.Current;
import eu.somep.core.security.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The audit log ({@code kernel_audit}): sign-ins, sign-outs, tokens and plugin changes, with who, when and
 * from which address. Writing it never fails the action it records.
 */
public final class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private final DataSource ds;

    public AuditLog(DataSource ds) {
        this.ds = ds;
    }

    public record Entry(long id, Instant at, String actor, String action, String target, String detail, String address) {
    }

    /** Records an action of the current request's user (or of the named user, for sign-ins). */
    public void record(String action, String target, String detail) {
        Current cur = Current.get();
        record(cur.user().orElse(null), cur.user().map(User::username).orElse(null), action, target, detail);
    }

    public void record(User actor, String actorName, String action, String target, String detail) {
        Current cur = Current.get();
        record(actor, actorName, action, target, detail, cur.request() == null ? null : cur.request().getRemoteAddr());
    }

    public void record(User actor, String actorName, String action, String target, String detail, String address) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_audit (at, actor_id, actor, action, target, detail, address) VALUES (?,?,?,?,?,?,?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            if (actor == null) ps.setNull(2, java.sql.Types.BIGINT);
            else ps.setLong(2, actor.id());
            ps.setString(3, cut(actor != null ? actor.username() : actorName, 100));
            ps.setString(4, cut(action, 64));
            ps.setString(5, cut(target, 255));
            ps.setString(6, cut(detail, 2000));
            ps.setString(7, cut(address, 64));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warning("Cannot write the audit log (" + action + "): " + e.getMessage());
        }
    }

    /** The newest entries first; each filter is optional: an action prefix, an actor, a time range. */
    public List<Entry> find(String actionPrefix, String actor, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM kernel_audit WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            args.add(actionPrefix.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            args.add(actor.trim());
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id DESC");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            ps.setMaxRows(Math.max(1, Math.min(limit, 1000)));
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                            rs.getString("target"), rs.getString("detail"), rs.getString("address")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
