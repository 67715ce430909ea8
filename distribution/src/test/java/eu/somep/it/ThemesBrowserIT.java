package eu.somep.it;

import eu.somep.testkit.TestSomep;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In Chromium: an administrator switches the site to the academy theme on /admin/themes and sees it; axe-core finds no serious violation in it. */
class ThemesBrowserIT {
    private static TestSomep somep;
    private static Chromium chromium;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().start();
        chromium = Chromium.start();
        try (InputStream in = ThemesBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js is on the test class path");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
    void an_administrator_switches_to_the_academy_theme_and_sees_it() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800)
                .setBypassCSP(true))) { // axe is an inline script, which the site's CSP forbids
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            page.navigate(somep.uri("/login").toString());
            page.locator("main").getByLabel("User name", new Locator.GetByLabelOptions().setExact(true)).fill("admin");
            page.locator("main").getByLabel("Password", new Locator.GetByLabelOptions().setExact(true)).fill(TestSomep.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            assertThat(page.getByTestId("user")).isVisible();

            NavMenus.link(page, "Themes").click(); // in the administration menu
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Themes"))).isVisible();
            assertThat(page.getByLabel("Default (SOMEP)")).isChecked();
            page.getByLabel("Academy (navy and gold)").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this theme")).click();

            assertThat(page.getByTestId("done")).containsText("academy");
            assertThat(page.locator("header[data-theme=academy]")).isVisible();
            assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("SOMEP Academy");
            // the theme's stylesheet is applied (navy navigation) and its logo loaded
            assertEquals("rgb(20, 33, 61)", page.locator("nav.academy-nav").evaluate("n => getComputedStyle(n).backgroundColor"));
            assertTrue((Boolean) page.locator(".academy-brandbar img").evaluate("i => i.complete && i.naturalWidth > 0"), "the logo loaded");
            assertThat(page.getByLabel("Academy (navy and gold)")).isChecked();

            Map<String, List<String>> problems = new LinkedHashMap<>();
            for (String path : List.of("/admin/themes", "/", "/pages/about", "/library", "/forum", "/dashboard")) {
                page.navigate(somep.uri(path).toString());
                assertThat(page.locator("header[data-theme=academy]")).isVisible();
                List<String> v = violations(page);
                if (!v.isEmpty()) problems.put(path, v);
            }
            assertTrue(problems.isEmpty(), "axe-core, academy theme: " + problems);

            // and back to the default look
            page.navigate(somep.uri("/admin/themes").toString());
            page.getByLabel("Default (SOMEP)").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this theme")).click();
            assertThat(page.getByTestId("done")).isVisible();
            assertThat(page.locator("header[data-theme=academy]")).hasCount(0);
            assertThat(page.locator("a.navbar-brand")).isVisible();
        }
    }

    /** axe-core's serious and critical violations on the page, as AccessibilityIT reports them. */
    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))");
        return new ArrayList<>((List<String>) result);
    }
}
