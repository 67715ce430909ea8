package eu.somep.it;

import eu.somep.testkit.TestSomep;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An administrator changes the forum's settings on its settings page, in a real browser (Debian's Chromium). */
class PluginSettingsBrowserIT {
    @Test
    void an_administrator_changes_a_plugins_settings_on_its_page() throws Exception {
        try (TestSomep somep = TestSomep.builder().start(); Chromium chromium = Chromium.start()) {
            BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.navigate(somep.uri("/login").toString());
            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill(TestSomep.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            assertThat(page.getByTestId("user")).hasText("Administrator");

            // from the plugins page to the forum's settings
            page.navigate(somep.uri("/admin/plugins").toString());
            page.locator("tr[data-plugin=\"forum\"]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("/admin/plugins/forum/settings$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Settings of Forum"))).isVisible();
            Locator window = page.getByLabel("Edit window (minutes)");
            assertThat(window).hasValue("30");

            // a value out of range: named at its field, nothing saved
            window.fill("99999");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
            assertThat(page.getByTestId("errors")).containsText("Nothing was saved");
            assertThat(page.locator("[data-setting=editMinutes] [data-testid=error]")).hasText("Enter a number from 0 to 10080.");
            assertThat(page.getByLabel("Edit window (minutes)")).hasValue("99999");

            // a good value: saved and shown
            page.getByLabel("Edit window (minutes)").fill("5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
            assertThat(page.getByTestId("saved")).containsText("The settings are saved");
            assertThat(page.getByLabel("Edit window (minutes)")).hasValue("5");
            String api = somep.send(somep.asAdmin("/api/admin/plugins/forum/settings").GET().build()).body();
            assertTrue(api.contains("\"editMinutes\":5"), api);
            context.close();
        }
    }
}
