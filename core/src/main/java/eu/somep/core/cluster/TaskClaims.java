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
 * clocks and schedules drift by up to that much. No lock is held while the task runs, so a node that dies mid-run
 * blocks nobody.
 */
public final class TaskClaims {
    private static final Logger LOG = Logger.getLogger(TaskClaims.class.getName());
    private final DataSource ds;
    private final String nodeId;

    public TaskClaims(DataSource ds, String nodeId) {
        this.ds = ds;
        this.nodeId = nodeId;
    }

    /** True when this node may run the task now; true as well when the database cannot be asked (better twice than never). */
    public boolean claim(String taskKey, long intervalMs) {
        long now = System.currentTimeMillis();
        String key = taskKey.length() > 400 ? taskKey.substring(0, 400) : taskKey;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kernel_task_run SET last_run_ms = ?, node_id = ? WHERE task_key = ? AND last_run_ms <= ?")) {
                ps.setLong(1, now);
                ps.setString(2, nodeId);
                ps.setString(3, key);
                ps.setLong(4, now - intervalMs / 2);
                if (ps.executeUpdate() == 1) return true;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_task_run (task_key, last_run_ms, node_id) VALUES (?,?,?)")) {
                ps.setString(1, key);
                ps.setLong(2, now);
                ps.setString(3, nodeId);
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
}
