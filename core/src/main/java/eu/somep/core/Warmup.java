package eu.somep.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Start-up work done on a background thread, so the first visitor does not pay for it: the first render of
 * the site home builds the kernel's and the home plugin's Jersey applications, parses their templates and
 * bootstraps the plugin's Hibernate SessionFactory (the first in a JVM costs about a second).
 * (Warming Hibernate or Jersey in parallel with the kernel's start was tried: no gain on 2 cores.)
 */
final class Warmup {
    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

    private Warmup() {
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
