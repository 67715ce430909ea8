package eu.somep.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Start-up work done on background threads, so the first visitor does not pay for class loading:
 * Hibernate's first bootstrap in a JVM (seconds), and the first render of the site home (Jersey
 * applications, templates, the plugins' SessionFactories).
 */
final class Warmup {
    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

    private Warmup() {
    }

    static void hibernate(DataSource ds) {
        background("somep-warmup-orm", () -> {
            warmHibernate(ds);
            return null;
        });
    }

    private static void warmHibernate(DataSource ds) {
        {
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                    .build();
            try {
                new MetadataSources(registry).buildMetadata().buildSessionFactory().close();
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        }
    }

    static void site(int port) {
        background("somep-warmup-web", () -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : new String[] {"/", "/health"}) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            return null;
        });
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static void background(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                LOG.fine("Warm-up " + name + " skipped: " + e.getMessage());
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
