package eu.somep.it;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.somep.core.config.Settings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator, in Chromium, installs a plugin from the catalog together with the plugin it needs (after
 * seeing both on the confirm page), changes its settings, disables it, and uninstalls it with its data.
 */
class CatalogBrowserIT {
    @TempDir
    Path work;

    @Test
    void an_administrator_installs_from_the_catalog_with_a_dependency_changes_settings_disables_and_uninstalls_with_data() throws Exception {
        Path catalog = work.resolve("catalog");
        TestPlugins.build(catalog, "hello", "1.0.0", TestCatalogs.plugin("hello", "1.0.0"));
        TestCatalogs.ledger(catalog, "1.0.0", Map.of("V1__entries.sql", TestCatalogs.V1), "body", "hello");
        TestCatalogs.index(catalog);
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().set(Settings.CATALOG, catalog.toString()).start();
             Chromium chromium = Chromium.start()) {
            BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.navigate(somep.uri("/login").toString());
            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill(TestSomep.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            assertThat(page.getByTestId("user")).isVisible();

            // Plugins > Available plugins: the ledger, which needs hello
            page.navigate(somep.uri("/admin/plugins").toString());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Available plugins").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("/admin/plugins/catalog$"));
            Locator ledger = page.locator("tr[data-catalog=\"ledger\"]");
            assertThat(ledger.getByTestId("status")).hasText("Available");
            assertThat(ledger).containsText("hello");
            ledger.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Install…")).click();

            // The confirm step lists both, the dependency first; nothing is installed yet
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Install ledger"))).isVisible();
            Locator plan = page.getByTestId("plan").locator("li");
            assertThat(plan).hasCount(2);
            assertThat(plan.nth(0)).hasAttribute("data-plugin", "hello");
            assertThat(plan.nth(1)).hasAttribute("data-plugin", "ledger");
            assertEquals(404, somep.get("/hello").statusCode());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install these plugins")).click();

            assertThat(page).hasURL(Pattern.compile("/admin/plugins$"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Installed: hello, ledger.");
            Locator row = page.locator("tr[data-plugin=\"ledger\"]");
            assertThat(row.getByTestId("state")).hasText("Enabled");
            assertThat(page.locator("tr[data-plugin=\"hello\"]").getByTestId("state")).hasText("Enabled");

            // The ledger keeps a row of data
            HttpResponse<String> added = somep.send(somep.asAdmin("/ledger").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("evidence")).build());
            assertEquals(200, added.statusCode(), added.body());
            assertEquals("version 1.0.0: evidence", somep.get("/ledger").body());

            // Its settings, drawn from its own description, changed on its page and used at once
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("/admin/plugins/ledger/settings$"));
            assertThat(page.getByLabel("Heading")).hasValue("Evidence ledger");
            page.getByLabel("Heading").fill("Seized devices");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
            assertThat(page.getByTestId("saved")).containsText("The settings are saved");
            assertEquals("Seized devices", somep.get("/ledger/heading").body());
            page.navigate(somep.uri("/admin/plugins").toString());

            // Disable
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plugin ledger is disabled.");
            assertThat(row.getByTestId("state")).hasText("Disabled");
            assertEquals(404, somep.get("/ledger").statusCode());

            // Uninstall with its data
            row.getByLabel("also delete its data").check();
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Uninstall").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plugin ledger is uninstalled.");
            assertThat(row.getByTestId("state")).hasText("Uninstalled");

            // Installed again from the catalog, it starts from an empty table: the data went with it
            page.navigate(somep.uri("/admin/plugins/catalog").toString());
            assertThat(ledger.getByTestId("status")).hasText("Available");
            ledger.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Install…")).click();
            assertThat(plan).hasCount(1); // hello is installed already
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install these plugins")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Installed: ledger.");
            assertEquals("version 1.0.0:", somep.get("/ledger").body());
        }
    }
}
