package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The site as a user sees it in a real browser (Debian's Chromium, driven by Playwright) against the real kernel
 * with the shipped {@code pages} plugin: language switching, signing in, and an administrator disabling and
 * enabling a plugin from the admin page.
 *
 * <p>{@code -Dsomep.screenshot} also writes the README screenshot, {@code docs/screenshot.png}.
 */
class AdminBrowserIT {
    /** The working directory of failsafe is distribution/; the screenshot belongs to the repository's docs/. */
    private static final Path SCREENSHOT = Paths.get("..", "docs", "screenshot.png");

    private static TestSomep somep;
    private static Chromium chromium;
    private static Browser browser;

    private BrowserContext context;
    private Page page;

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

    @BeforeEach
    void openPage() {
        // A fresh context per test: no cookies, English browser, the README's window size.
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
    }

    @Test
    void a_visitor_switches_language_and_an_administrator_disables_and_enables_a_plugin() {
        // The home page of the original site, in English
        page.navigate(somep.uri("/").toString());
        assertThat(heading("Solving Crime Through Social Media")).isVisible();
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("European Commission");
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        // Deutsch, and back
        languageButton("DE").click();
        assertThat(heading("Verbrechensaufklärung mit sozialen Medien")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(languageButton("DE")).hasAttribute("aria-current", "true");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("Europäischen Kommission");
        languageButton("EN").click();
        assertThat(heading("Solving Crime Through Social Media")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        // Sign in as the administrator
        mainNav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(heading("Please sign in")).isVisible();
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(TestSomep.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByTestId("user")).hasText("Administrator"); // the display name of the user admin

        // The admin plugins page, through the navigation
        navLink("Plugins").click();
        assertThat(page).hasURL(Pattern.compile("/admin/plugins$"));
        assertThat(heading("Plugins")).isVisible();
        Locator row = page.locator("tr[data-plugin=\"pages\"]");
        Locator state = row.locator("[data-testid=state]");
        assertThat(state).hasText("Enabled");

        // Disable: the page says so, the plugin's links and routes are gone
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plugin pages is disabled.");
        assertThat(state).hasText("Disabled");
        assertThat(navLink("About SOMEP")).hasCount(0);
        Response about = page.navigate(somep.uri("/pages/about").toString());
        assertEquals(404, about.status());
        assertThat(heading("Page not found")).isVisible();
        assertThat(navLink("About SOMEP")).hasCount(0);

        // Enable again: the page, its link and its route are back
        navLink("Plugins").click();
        assertThat(state).hasText("Disabled");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Plugin pages is enabled.");
        assertThat(state).hasText("Enabled");
        navLink("About SOMEP").click();
        assertThat(page).hasURL(Pattern.compile("/pages/about$"));
        assertThat(heading("About SOMEP")).isVisible();

        // Sign out: back to a visitor, and the admin page asks to sign in
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
        assertThat(mainNav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();
        assertThat(page.getByTestId("user")).hasCount(0);
        assertThat(navLink("Plugins")).hasCount(0);
        page.navigate(somep.uri("/admin/plugins").toString());
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        assertThat(heading("Please sign in")).isVisible();
    }

    /** Writes the README screenshot only when asked, so that ordinary runs leave the file alone. */
    @Test
    @EnabledIfSystemProperty(named = "somep.screenshot", matches = ".*")
    void writes_the_readme_screenshot() throws Exception {
        page.navigate(somep.uri("/").toString());
        assertThat(heading("Solving Crime Through Social Media")).isVisible();
        Files.createDirectories(SCREENSHOT.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private Locator mainNav() {
        return page.locator("header");
    }

    /** A link of the site navigation (the language and sign-in controls are not in it), its menu opened if it is in one. */
    private Locator navLink(String name) {
        return NavMenus.link(page, name);
    }

    private Locator languageButton(String code) {
        // by the header, not by the language menu's label, which is itself translated
        return mainNav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code).setExact(true));
    }

}
