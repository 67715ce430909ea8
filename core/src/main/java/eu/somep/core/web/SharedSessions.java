package eu.somep.core.web;

import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.NullSessionCache;

/**
 * Sessions in the shared database ({@code kernel_session}, Jetty's JDBC session store), for a cluster: any node
 * serves any request, so a load balancer needs no sticky sessions, and signing out on one node signs out on all.
 *
 * <p>No node keeps a session in memory between requests (Jetty's {@code NullSessionCache}): each request reads
 * its session by primary key, so a session invalidated on another node is never served from a stale copy. A
 * session is written when its attributes change, before the response is committed (so the next request, on
 * another node, sees it), and otherwise at most once a minute to move its expiry on.
 */
final class SharedSessions {
    /** How often (s) a session that only was used, not changed, is written again: its idle expiry moves on. */
    static final int SAVE_PERIOD_SECONDS = 60;

    private SharedSessions() {
    }

    static void install(SessionHandler sessions, DataSource ds) {
        DatabaseAdaptor db = new DatabaseAdaptor();
        db.setDatasource(ds);
        JDBCSessionDataStore.SessionTableSchema table = new JDBCSessionDataStore.SessionTableSchema();
        table.setTableName("kernel_session");
        JDBCSessionDataStoreFactory stores = new JDBCSessionDataStoreFactory();
        stores.setDatabaseAdaptor(db);
        stores.setSessionTableSchema(table);
        stores.setSavePeriodSec(SAVE_PERIOD_SECONDS);
        NullSessionCache cache = new NullSessionCache(sessions);
        cache.setSessionDataStore(stores.getSessionDataStore(sessions));
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);
        cache.setRemoveUnloadableSessions(true);
        sessions.setSessionCache(cache);
    }
}
