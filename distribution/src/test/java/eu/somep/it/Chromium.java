package eu.somep.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run} when missing) driven by Playwright, with
 * its own temporary home: never a browser download. One per test class: {@code Chromium.start()} in
 * {@code @BeforeAll}, {@code close()} in {@code @AfterAll}.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    private final Path home;
    private final Playwright playwright;
    final Browser browser;

    private Chromium(Path home, Playwright playwright, Browser browser) {
        this.home = home;
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium start() throws IOException {
        Path home = Files.createTempDirectory("somep-chromium-");
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"))
                .setEnv(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString())));
        return new Chromium(home, playwright, browser);
    }

    @Override
    public void close() throws IOException {
        try {
            browser.close();
            playwright.close();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
