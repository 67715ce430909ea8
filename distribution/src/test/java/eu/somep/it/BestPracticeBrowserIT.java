package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The best-practice viewer in a real browser (Debian's Chromium, driven by Playwright) as a guest: the map, a country's
 * tile, the list filtered further by a category, and one case with its sources.
 */
class BestPracticeBrowserIT {
    private static TestSomep somep;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().start();
        chromium = Chromium.start();
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (somep != null) {
                somep.close();
                somep.deleteHome();
            }
        }
    }

    @Test
    void a_guest_goes_from_the_map_to_a_case_and_its_sources() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            page.navigate(somep.uri("/bestpractice/map").toString());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cases by country").setExact(true))).isVisible();

            // a country's tile leads to its cases
            page.locator("[data-testid=map] a[data-country=GB]").click();
            assertThat(page).hasURL(Pattern.compile("/bestpractice\\?country=GB$"));
            assertThat(page.getByTestId("count")).hasText("10 of 30 cases");
            assertThat(page.locator("#country option:checked")).hasText("United Kingdom");

            // narrowed by a category
            page.getByLabel("Category", new Page.GetByLabelOptions().setExact(true)).selectOption("wisdom-of-the-crowd");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("category=wisdom-of-the-crowd"));
            assertThat(page).hasURL(Pattern.compile("country=GB"));
            Locator cards = page.locator(".card[data-case]");
            assertThat(cards.first()).isVisible();
            assertThat(page.locator(".card[data-case=\"4\"]")).isVisible();
            assertThat(page.locator(".card[data-case=\"2\"]")).hasCount(0);

            // one case and its sources
            Locator link = page.locator(".card[data-case=\"4\"] h2 a");
            String name = link.innerText();
            link.click();
            assertThat(page).hasURL(Pattern.compile("/bestpractice/case/4$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sources").setExact(true))).isVisible();
            assertThat(page.getByTestId("sources").locator("li").first()).isVisible();
            assertThat(page.getByTestId("sources").locator("li").first()).not().isEmpty();
        }
    }
}
