package eu.somep.core;

import eu.somep.core.config.Settings;
import java.util.HashMap;
import java.util.Map;

/** {@code java eu.somep.core.Somep [--safe-mode] [--port N]}: runs SOMEP until it is stopped. */
public final class Somep {
    private Somep() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> overrides = new HashMap<>();
        boolean train = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = true;
                case "--safe-mode" -> overrides.put(Settings.SAFE_MODE, "true");
                case "--port" -> overrides.put(Settings.PORT, args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + ". Options: --safe-mode, --port N, --train");
                    System.exit(2);
                }
            }
        }
        for (String key : new String[] {Settings.HOME, Settings.DIST}) {
            String v = System.getProperty(key);
            if (v != null) overrides.put(key, v);
        }
        Kernel kernel = new Kernel(Settings.load(overrides, System.getenv())).start();
        if (train) {
            train(kernel);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::close, "somep-shutdown"));
        System.out.printf("SOMEP is running at http://localhost:%d/ (started in %d ms%s)%n", kernel.port(),
                (System.nanoTime() - t0) / 1_000_000, kernel.settings().safeMode() ? ", SAFE MODE: plugins disabled" : "");
    }

    /**
     * A training run for the class-data-sharing archive ({@code bin/somep train}): serve the main pages once,
     * so their classes are loaded, then stop; the JVM writes the classes it loaded into the archive at exit.
     */
    private static void train(Kernel kernel) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/pages/about", "/health", "/login", "/api/pages", "/nothing"}) {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kernel.port() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        kernel.close();
        System.exit(0);
    }
}
