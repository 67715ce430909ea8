package eu.somep.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plugin's database on a real (in-memory) H2: entity classes must be the plugin's own, never a class path copy. */
class PluginDatabaseTest {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    @BeforeEach
    void table() throws Exception {
        dataSource.setURL("jdbc:h2:mem:plugindb" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("CREATE TABLE db_sample (id BIGINT PRIMARY KEY, name VARCHAR(100))");
            c.createStatement().execute("INSERT INTO db_sample VALUES (1, 'kept')");
        }
    }

    @Test
    void entities_of_the_plugins_own_loader_are_queried() throws Exception {
        ClassLoader plugin = new OwnCopyLoader(getClass().getClassLoader());
        PluginDatabase db = new PluginDatabase("sample", plugin, List.of(DbSample.class.getName()), dataSource);
        try {
            Class<?> own = plugin.loadClass(DbSample.class.getName());
            List<?> rows = db.inTransaction(em -> em.createQuery("from DbSample", own).getResultList());
            assertEquals(1, rows.size());
            assertEquals(own, rows.get(0).getClass(), "rows are of the plugin's own class");
        } finally {
            db.close();
        }
    }

    @Test
    void a_copy_on_the_kernels_class_path_is_refused_with_the_reason() {
        // a "bundle" whose loader hands out the class path's class, as a plugin jar on a test class path could
        ClassLoader delegating = new ClassLoader(getClass().getClassLoader()) { };
        PluginDatabase db = new PluginDatabase("sample", delegating, List.of(DbSample.class.getName()), dataSource);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> em.find(DbSample.class, 1L)));
        assertTrue(e.getMessage().contains("not from the plugin's bundle") && e.getMessage().contains(DbSample.class.getName()), e.getMessage());
        db.close();
    }

    /** Defines DbSample itself (child first), the way a bundle class loader defines a plugin's classes. */
    static final class OwnCopyLoader extends ClassLoader {
        OwnCopyLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(DbSample.class.getName())) return super.loadClass(name, resolve);
            Class<?> c = findLoadedClass(name);
            if (c != null) return c;
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] b = in.readAllBytes();
                return defineClass(name, b, 0, b.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
