package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.somep.core.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library in a real browser: a guest searches the public collection and opens a guide; a member drops a PDF on
 * the upload zone, watches the progress bar reach 100 %, lands on the new document and finds it by a word inside it.
 */
class LibraryBrowserIT {
    private static TestSomep somep;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().set(Settings.PLUGIN_START_TIMEOUT, "60000").start();
        somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse Yilmaz", false);
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

    private static Locator field(Page page, String label) {
        return page.locator("main").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void a_guest_searches_the_public_library_and_opens_a_guide() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            page.navigate(somep.uri("/library").toString());
            assertThat(heading(page, "Library")).isVisible();
            field(page, "Words").fill("neighbourhood officers");
            button(page, "Search").click();
            assertThat(page).hasURL(Pattern.compile("/library/search\\?q=neighbourhood\\+officers"));
            assertThat(page.getByTestId("library-total")).hasText("Found: 1");
            Locator hit = page.getByTestId("library-results").locator(".card").first();
            assertThat(hit.locator("mark").first()).hasText(Pattern.compile("neighbourhood", Pattern.CASE_INSENSITIVE));
            hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Social media for community policing")).click();
            assertThat(page).hasURL(Pattern.compile("/library/documents/\\d+$"));
            assertThat(page.getByTestId("library-title")).hasText("Social media for community policing");
            assertThat(page.getByTestId("library-download")).hasAttribute("href", Pattern.compile("/library/documents/\\d+/download$"));
        }
    }

    @Test
    void a_member_drops_a_pdf_watches_the_progress_and_finds_it_by_a_word_inside() throws Exception {
        byte[] pdf = LibraryIT.pdf("Briefing for the night patrol", "Watch for the capybara sticker on stolen bicycles.");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            page.navigate(somep.uri("/login").toString());
            field(page, "User name").fill("ayse");
            field(page, "Password").fill("ayse-pass-123");
            button(page, "Sign in").click();
            assertThat(page.getByTestId("user")).hasText("Ayse Yilmaz");

            page.navigate(somep.uri("/library").toString());
            page.getByTestId("library-folders").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("COMPOSITE guides")).click();
            assertThat(heading(page, "Upload documents")).isVisible();

            // the file is dropped on the zone, as from the desktop
            List<Integer> bytes = new ArrayList<>();
            for (byte b : pdf) bytes.add(b & 0xff);
            JSHandle files = page.evaluateHandle("bytes => { const dt = new DataTransfer();"
                    + " dt.items.add(new File([new Uint8Array(bytes)], 'briefing.pdf', {type: 'application/pdf'})); return dt; }", bytes);
            page.locator("#library-drop").dispatchEvent("drop", Map.of("dataTransfer", files));
            assertEquals(1, ((Number) page.evaluate("() => document.getElementById('file').files.length")).intValue());
            // remember the progress bar's last value across the navigation that follows the upload
            page.evaluate("() => { const p = document.getElementById('library-progress');"
                    + " new MutationObserver(() => { window.name = 'progress:' + p.getAttribute('aria-valuenow') + ':' + p.classList.contains('d-none'); })"
                    + ".observe(p, {attributes: true}); }");
            field(page, "Title").first().fill("Night patrol briefing");
            button(page, "Upload").click();
            // text extraction on a cold, shared machine can take longer than the default 5 s
            assertThat(page).hasURL(Pattern.compile("/library/documents/\\d+$"), new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
            assertThat(page.getByTestId("library-title")).hasText("Night patrol briefing");
            assertEquals("progress:100:false", page.evaluate("() => window.name"), "the progress bar was shown and reached 100 %");
            assertThat(page.getByTestId("library-thumbnail")).hasJSProperty("complete", true);

            // found by a word inside the PDF
            page.navigate(somep.uri("/library").toString());
            field(page, "Words").fill("capybara");
            button(page, "Search").click();
            assertThat(page.getByTestId("library-total")).hasText("Found: 1");
            Locator hit = page.getByTestId("library-results").locator(".card").first();
            assertThat(hit.locator("mark")).hasText("capybara");
            assertThat(hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Night patrol briefing"))).isVisible();

            // the PDF opens in the browser itself (inline, not a download)
            hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Night patrol briefing")).click();
            com.microsoft.playwright.Response shown = page.waitForResponse(r -> r.url().endsWith("/view"), () -> page.getByTestId("library-view").click());
            assertEquals(200, shown.status());
            assertEquals("application/pdf", shown.headerValue("content-type"));
            assertThat(page).hasURL(Pattern.compile("/library/documents/\\d+/view$"));
            org.junit.jupiter.api.Assertions.assertTrue(shown.headerValue("content-disposition").startsWith("inline; filename=\"briefing.pdf\""),
                    shown.headerValue("content-disposition"));
            assertEquals("application/pdf", page.evaluate("() => document.contentType"), "the browser shows the PDF itself, not a download");
        }
    }
}
