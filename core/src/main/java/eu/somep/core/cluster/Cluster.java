package eu.somep.core.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This node's place in a cluster of SOMEP nodes on one PostgreSQL database. Nodes tell each other what changed
 * with PostgreSQL's {@code NOTIFY} on one channel, which every node {@code LISTEN}s to on a connection of its own;
 * what a node misses (its listening connection dropped, or a notification was lost with a crash) is caught by a
 * periodic check that re-reads everything shared ({@link #onResync}). Each node also writes a heartbeat row, so
 * {@code /health} can list the peers it sees.
 *
 * <p>On a single node (the default, and always on H2, whose file one process owns) nothing is sent and no thread
 * runs: {@link #send} does nothing.
 */
public final class Cluster implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
    static final String CHANNEL = "somep_cluster";
    /** A peer whose heartbeat is older than this is no longer listed. */
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(15);
    private final DataSource ds;
    private final String nodeId;
    private volatile String address;
    private final boolean enabled;
    private final Connector connector;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> resync = new CopyOnWriteArrayList<>();
    private volatile Runnable onListening = () -> { };
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> daemon(r, "somep-cluster"));
    private ScheduledExecutorService timer;
    private Thread listener;
    private volatile boolean closed;
    private volatile Connection listening;

    /** Opens the node's own listening connection (not one of the pool's, which would be held for ever). */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private Cluster(DataSource ds, String nodeId, String address, boolean enabled, Connector connector) {
        this.ds = ds;
        this.nodeId = nodeId;
        this.address = address;
        this.enabled = enabled;
        this.connector = connector;
    }

    /** A node alone: nothing is sent or listened to. */
    public static Cluster single(DataSource ds, String nodeId) {
        return new Cluster(ds, nodeId, null, false, null);
    }

    /** A node of a cluster on PostgreSQL (given by its JDBC address and account). */
    public static Cluster joined(DataSource ds, String nodeId, String address, String url, String user, String password) {
        return new Cluster(ds, nodeId, address, true, () -> DriverManager.getConnection(url, user, password));
    }

    /** Where this node answers, as its peers' health shows it. */
    public void address(String a) {
        address = a;
    }

    public boolean enabled() {
        return enabled;
    }

    public String nodeId() {
        return nodeId;
    }

    /** Calls {@code handler} with the payload of every message on {@code topic} that another node sends. */
    public void on(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Calls {@code r} each time this node starts listening (at start, and after its connection came back). */
    public void onListening(Runnable r) {
        onListening = r;
    }

    /** Calls {@code r} on every periodic check and after the listening connection was lost and came back. */
    public void onResync(Runnable r) {
        resync.add(r);
    }

    /** Tells every other node; never fails the caller (the periodic check is the safety net). */
    public void send(String topic, String payload) {
        if (!enabled || closed) return;
        String message = nodeId + "\t" + topic + "\t" + (payload == null ? "" : payload);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, message);
            ps.execute();
        } catch (SQLException e) {
            LOG.warning("Cannot tell the other nodes about " + topic + ": " + e.getMessage() + " (they will see it at their next check)");
        }
    }

    /** Starts listening, the heartbeat and the periodic check; does nothing on a single node. */
    public Cluster start(Duration check, Duration heartbeat) {
        if (!enabled) return this;
        beat(true);
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "somep-cluster-timer"));
        timer.scheduleWithFixedDelay(() -> beat(false), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::requestResync, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
        listener = daemon(this::listen, "somep-cluster-listen");
        listener.start();
        return this;
    }

    private void listen() {
        long backoff = 500;
        boolean lost = false;
        while (!closed) {
            try (Connection c = connector.open(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                listening = c;
                if (lost) LOG.info("Listening to the other nodes again; reading everything shared once, in case something was missed.");
                // also the first time: what changed between this node's start-up reads and its LISTEN was sent to no one here
                requestResync();
                backoff = 500;
                dispatch.execute(onListening);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(1_000);
                    if (got == null) continue;
                    for (PGNotification n : got) received(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) { // any failure: reconnect, never let the listener die
                if (closed) return;
                lost = true;
                LOG.warning("Lost the connection that listens to the other nodes: " + e.getMessage() + "; trying again in " + backoff + " ms");
                try {
                    Thread.sleep(backoff); // a back-off before reconnecting, not a wait for an event
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                listening = null;
            }
        }
    }

    private void received(String message) {
        String[] parts = message.split("\t", 3);
        if (parts.length < 3 || parts[0].equals(nodeId)) return; // our own
        List<Consumer<String>> hs = handlers.get(parts[1]);
        if (hs == null) return;
        for (Consumer<String> h : hs) {
            dispatch.execute(() -> {
                try {
                    h.accept(parts[2]);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Handling the cluster message " + parts[1] + " failed", e);
                }
            });
        }
    }

    /** Queues one re-read, unless one is waiting already (while the database is out of reach each takes long). */
    private void requestResync() {
        if (!resyncPending.compareAndSet(false, true)) return;
        try {
            dispatch.execute(this::resyncNow);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            resyncPending.set(false); // closing
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean resyncPending = new java.util.concurrent.atomic.AtomicBoolean();

    private void resyncNow() {
        resyncPending.set(false);
        for (Runnable r : resync) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The periodic cluster check failed", e);
            }
        }
    }

    private void beat(boolean first) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(first
                    ? "UPDATE kernel_node SET seen_at = ?, started_at = ?, address = ? WHERE node_id = ?" // started again under the same id
                    : "UPDATE kernel_node SET seen_at = ? WHERE node_id = ?")) {
                ps.setTimestamp(1, now);
                if (first) {
                    ps.setTimestamp(2, now);
                    ps.setString(3, address);
                    ps.setString(4, nodeId);
                } else {
                    ps.setString(2, nodeId);
                }
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_node (node_id, address, started_at, seen_at) VALUES (?,?,?,?)")) {
                    ps.setString(1, nodeId);
                    ps.setString(2, address);
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            LOG.warning("Cannot write this node's heartbeat: " + e.getMessage());
        }
    }

    /** A node as /health shows it. */
    public record Peer(String nodeId, String address, Instant startedAt, Instant seenAt, boolean self) {
    }

    /** The nodes seen alive lately, this one included; empty on a single node. */
    public List<Peer> peers() {
        List<Peer> out = new ArrayList<>();
        if (!enabled) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT node_id, address, started_at, seen_at FROM kernel_node WHERE seen_at > ? ORDER BY node_id")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(PEER_TIMEOUT)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Peer(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                        nodeId.equals(rs.getString(1))));
            }
        } catch (SQLException e) {
            LOG.warning("Cannot list the nodes: " + e.getMessage());
        }
        return out;
    }

    /** Whether this node is listening to the others right now. */
    public boolean listening() {
        return enabled && listening != null;
    }

    @Override
    public void close() {
        closed = true;
        if (timer != null) timer.shutdownNow();
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // ends the wait in getNotifications
            } catch (SQLException e) {
                LOG.fine("Closing the listening connection: " + e.getMessage());
            }
        }
        if (listener != null) {
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatch.shutdownNow();
        if (enabled) {
            // leave at once rather than after the timeout, so the peers' health shows it
            try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement("DELETE FROM kernel_node WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.fine("Cannot remove this node's heartbeat: " + e.getMessage());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
