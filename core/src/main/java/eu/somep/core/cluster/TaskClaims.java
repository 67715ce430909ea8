package eu.somep.core.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Decides which node runs a scheduled task this time: each node's scheduler fires on its own, and the one whose
 * conditional UPDATE of the task's row in {@code kernel_task_run} succeeds runs it; the others skip. A row is
 * claimable again once half the task's interval has passed since its last claim, which tolerates nodes whose
 * clocks and schedules drift by up to that much. A claimed run also holds a lease ({@code busy_until_ms}) until it
 * ends, so a run that takes longer than half its interval is never started again on another node meanwhile (the
 * forum's mail queue would send twice); a node that dies mid-run holds the task only until the lease expires.
 */
public final class TaskClaims {
    private static final Logger LOG = Logger.getLogger(TaskClaims.class.getName());
    private final DataSource ds;
    private final String nodeId;

    public TaskClaims(DataSource ds, String nodeId) {
        this.ds = ds;
        this.nodeId = nodeId;
    }

    /** How long a claimed run may take before another node may assume its node died: ten intervals, at least 5 minutes. */
    static long lease(long intervalMs) {
        return Math.max(intervalMs * 10, 300_000);
    }

    /** True when this node may run the task now; true as well when the database cannot be asked (better twice than never). */
    public boolean claim(String taskKey, long intervalMs) {
        long now = System.currentTimeMillis();
        String key = key(taskKey);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kernel_task_run SET last_run_ms = ?, node_id = ?, busy_until_ms = ? WHERE task_key = ? AND last_run_ms <= ? AND busy_until_ms < ?")) {
                ps.setLong(1, now);
                ps.setString(2, nodeId);
                ps.setLong(3, now + lease(intervalMs));
                ps.setString(4, key);
                ps.setLong(5, now - intervalMs / 2);
                ps.setLong(6, now);
                if (ps.executeUpdate() == 1) return true;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_task_run (task_key, last_run_ms, node_id, busy_until_ms) VALUES (?,?,?,?)")) {
                ps.setString(1, key);
                ps.setLong(2, now);
                ps.setString(3, nodeId);
                ps.setLong(4, now + lease(intervalMs));
                ps.executeUpdate();
                return true;
            } catch (SQLException exists) {
                return false; // the row is there, and recent: another node ran it
            }
        } catch (SQLException e) {
            LOG.warning("Cannot claim the run of " + key + ": " + e.getMessage() + "; running it here");
            return true;
        }
    }

    /** The run this node claimed has ended: the task may be claimed again once its interval allows. */
    public void release(String taskKey) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE kernel_task_run SET busy_until_ms = 0 WHERE task_key = ? AND node_id = ?")) {
            ps.setString(1, key(taskKey));
            ps.setString(2, nodeId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warning("Cannot release the run of " + taskKey + " (it is released when its lease expires): " + e.getMessage());
        }
    }

    private static String key(String taskKey) {
        return taskKey.length() > 400 ? taskKey.substring(0, 400) : taskKey;
    }
}
