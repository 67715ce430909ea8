package eu.somep.core.db;

import eu.somep.api.persistence.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * One plugin's {@link Database}: a Hibernate SessionFactory over the plugin's entities, loaded through the
 * bundle's class loader, on the kernel's shared pool. Built on first use (the first one in a JVM costs
 * seconds), closed when the plugin stops so its classes can be collected.
 */
final class PluginDatabase implements Database {
    private final String component;
    private final ClassLoader loader;
    private final List<String> entities;
    private final DataSource dataSource;
    private volatile SessionFactory sessionFactory;
    private StandardServiceRegistry registry;
    private volatile boolean closed;

    PluginDatabase(String component, ClassLoader loader, List<String> entities, DataSource dataSource) {
        this.component = component;
        this.loader = loader;
        this.entities = entities;
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        // Hibernate also looks classes up through the context class loader: make it the plugin's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (EntityManager em = factory().createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) tx.rollback();
                throw e;
            }
        } catch (IllegalStateException e) {
            // the plugin stopped while this request was inside it (the factory closed under it): say so
            if (closed && !(e instanceof PluginStopped)) throw new PluginStopped(component, e);
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }


    private SessionFactory factory() {
        SessionFactory sf = sessionFactory;
        if (sf != null) return sf;
        synchronized (this) {
            // a request still running while its plugin stops must not build a factory nobody will close
            if (closed) throw new PluginStopped(component, null);
            if (sessionFactory == null) sessionFactory = build();
            return sessionFactory;
        }
    }

    private SessionFactory build() {
        // Hibernate asks the database for its dialect while it builds the factory (on the plugin's first request).
        // When the database is unreachable just then, Hibernate reports "Unable to determine Dialect" without the
        // cause, which would be a 500; a connection asked for here first fails with the pool's connection error,
        // which the kernel answers with 503.
        try (java.sql.Connection ignored = dataSource.getConnection()) {
            // reachable
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Plugin " + component + " cannot reach the database: " + e.getMessage(), e);
        }
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(loader)
                .applyClassLoader(SessionFactory.class.getClassLoader())
                .build();
        registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.SHOW_SQL, "false")
                .applySetting(AvailableSettings.SESSION_FACTORY_NAME_IS_JNDI, "false")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : entities) {
            try {
                Class<?> c = loader.loadClass(name);
                classes.add(c);
                sources.addAnnotatedClass(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Plugin " + component + " lists entity " + name + " but does not contain it");
            }
        }
        SessionFactory sf = sources.buildMetadata().buildSessionFactory();
        try {
            for (Class<?> c : classes) ownClass(c, sf);
        } catch (IllegalStateException e) {
            sf.close();
            throw e;
        }
        return sf;
    }

    /**
     * Hibernate looks entity classes up by name through several class loaders and silently takes the next one that
     * answers. If a copy of the plugin's classes is also on the kernel's class path (a test class path, a jar dropped
     * into lib/), the metamodel can end up with that copy, and every query fails later with a baffling "Term is not
     * Term". Refuse that at once, with the reason.
     */
    private void ownClass(Class<?> entity, SessionFactory sf) {
        Class<?> mapped = sf.getMetamodel().getEntities().stream().map(jakarta.persistence.metamodel.EntityType::getJavaType)
                .filter(t -> t.getName().equals(entity.getName())).findFirst().orElse(null);
        if (entity.getClassLoader() != loader || mapped != entity) {
            throw new IllegalStateException("Plugin " + component + ": entity " + entity.getName() + " was loaded from "
                    + (mapped == null ? "nowhere" : String.valueOf(mapped.getClassLoader())) + ", not from the plugin's bundle ("
                    + loader + "); is a copy of the plugin on the kernel's class path?");
        }
    }

    synchronized void close() {
        closed = true;
        if (sessionFactory != null) sessionFactory.close();
        if (registry != null) StandardServiceRegistryBuilder.destroy(registry);
        sessionFactory = null;
        registry = null;
    }
}
