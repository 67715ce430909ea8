package eu.somep.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A short JDBC transaction that runs again when a concurrent one wrote the same key first. Two administrators saving
 * one setting at once each delete and insert its row: on PostgreSQL the later insert hits the unique key (its delete
 * could not see the row the other had just inserted), on H2 it may meet the other's lock. A second attempt starts on
 * a fresh snapshot, sees the committed row and replaces it: the last save wins, as it would one after the other.
 */
public final class Transactions {
    static final int ATTEMPTS = 5;

    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    public static void retryingOnConflict(DataSource ds, Work work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt >= ATTEMPTS || !conflict(e)) throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            }
        }
    }

    /** A unique violation, a serialization failure or a deadlock (SQL states of both databases), or H2's concurrent update. */
    static boolean conflict(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || x.getErrorCode() == 90131) return true;
        }
        return false;
    }
}
