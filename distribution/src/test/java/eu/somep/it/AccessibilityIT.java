package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * axe-core (the script bundled in Deque's {@code com.deque.html.axe-core:playwright} artifact, taken from Maven at
 * build time) on every main page, as a guest, a trainee and an administrator, in Debian's Chromium: no serious or
 * critical violation is allowed. The report lists each page's violations with the elements concerned.
 */
class AccessibilityIT {
    private static TestSomep somep;
    private static Chromium chromium;
    private static String axe;
    private static long discussion;
    private static long quiz;
    private static long attempt;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().set("somep.demo", "true").start();
        chromium = Chromium.start();
        try (InputStream in = AccessibilityIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js (com.deque.html.axe-core:playwright) is on the test class path");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String trainee = TokensIT.create(somep, "trainee", "somep-demo-2026", "a11y");
        HttpResponse<String> d = ForumIT.as(somep, trainee, "POST", "/api/forum/forums/1/discussions",
                "{\"title\":\"Accessible discussions\",\"message\":\"A first post.\"}");
        assertEquals(201, d.statusCode(), d.body());
        discussion = ForumIT.id(d);
        assertEquals(201, ForumIT.as(somep, trainee, "POST", "/api/forum/discussions/" + discussion + "/posts", "{\"message\":\"A reply.\"}").statusCode());
        // a quiz with two questions in the demo course, and the trainee's attempt at it
        String admin = somep.adminToken();
        long section = QuizIT.num("\"sections\":\\[\\{\"id\":(\\d+)", ForumIT.as(somep, admin, "GET", "/api/course/courses/1", null).body());
        quiz = QuizIT.quiz(somep, admin, section, "Accessible quiz", "{\"intro\":\"Two questions\",\"attempts\":\"2\",\"grading\":\"highest\",\"passgrade\":\"50\",\"maxgrade\":\"100\"}");
        long cat = QuizIT.num("\"id\":(\\d+)", QuizIT.expect(201, ForumIT.as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Week 1\"}")).body());
        long mc = QuizIT.question(somep, admin, cat, "{\"type\":\"multichoice\",\"name\":\"Primes\",\"text\":\"Which are prime?\",\"single\":false,"
                + "\"answers\":[{\"text\":\"2\",\"fraction\":0.5},{\"text\":\"3\",\"fraction\":0.5},{\"text\":\"4\",\"fraction\":-1}]}");
        long sa = QuizIT.question(somep, admin, cat, "{\"type\":\"shortanswer\",\"name\":\"Capital\",\"text\":\"The capital of Turkey?\",\"answers\":[{\"text\":\"Ankara\",\"fraction\":1}]}");
        for (long q : new long[] {mc, sa}) QuizIT.expect(201, ForumIT.as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + q + "}"));
        attempt = QuizIT.num("\"attempt\":\\{\"id\":(\\d+)", QuizIT.expect(201, ForumIT.as(somep, trainee, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body());
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
    void the_pages_a_guest_sees_have_no_serious_violations() {
        check(null, null, List.of("/", "/login", "/register", "/password/forgot", "/pages/about", "/glossary", "/forum", "/forum/1", "/forum/discussion/" + discussion,
                "/bestpractice", "/bestpractice/map", "/bestpractice/charts", "/bestpractice/case/1", "/course"));
    }

    @Test
    void the_pages_a_trainee_sees_have_no_serious_violations() {
        check("trainee", "somep-demo-2026", List.of("/dashboard", "/profile", "/course", "/course/my", "/forum", "/forum/discussion/" + discussion,
                "/bestpractice/case/1", "/quiz/" + quiz, "/quiz/attempt/" + attempt), "/course/my");
    }

    @Test
    void the_administration_pages_have_no_serious_violations() {
        check("admin", TestSomep.ADMIN_PASSWORD, List.of("/admin/plugins", "/admin/plugins/catalog", "/admin/plugins/compatibility?api=2.0.0", "/admin/users", "/admin/roles", "/admin/audit", "/dashboard", "/glossary",
                "/course/new", "/bestpractice/new", "/quiz/" + quiz));
    }

    @Test
    void the_plugin_settings_pages_have_no_serious_violations() {
        check("admin", TestSomep.ADMIN_PASSWORD, List.of("/admin/plugins/forum/settings", "/admin/plugins/pages/settings"));
    }

    /**
     * With every shipped plugin and all the administration links, the navbar stays one line at 1280 px in each
     * language (it wrapped to two), the administration links are one menu that opens by keyboard, and it has no
     * serious violation when open.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_navbar_is_one_line_at_1280_px_in_every_language() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 800).setBypassCSP(true))) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            signIn(page, "admin", TestSomep.ADMIN_PASSWORD);
            for (String lang : List.of("en", "tr", "de")) {
                page.navigate(somep.uri("/dashboard?lang=" + lang).toString());
                page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/navbar-" + lang + ".png")));
                // every item of the bar is centred on the bar's middle line (a second line is a line height away), and the
                // bar is no taller than one line
                Map<String, Object> bar = (Map<String, Object>) page.evaluate("() => {"
                        + " const nav = document.querySelector('header nav.navbar').getBoundingClientRect();"
                        + " const middle = nav.top + nav.height / 2;"
                        + " const items = [...document.querySelectorAll('header .navbar-brand, header .navbar-nav > li, header .navbar .container > div > *')];"
                        + " const off = Math.max(...items.map(e => { const r = e.getBoundingClientRect(); return Math.abs(r.top + r.height / 2 - middle); }));"
                        + " return {items: items.length, offMiddle: off, height: nav.height,"
                        + " text: items.map(e => e.innerText.replace(/\\s+/g, ' ').trim()).join(' | ')}; }");
                assertTrue(((Number) bar.get("items")).intValue() >= 10, lang + ": " + bar);
                assertTrue(((Number) bar.get("offMiddle")).doubleValue() < 8, lang + ": the navbar items are on one line: " + bar);
                assertTrue(((Number) bar.get("height")).doubleValue() < 70, lang + ": the navbar is one line high: " + bar);
            }
            // the administration menu: opened from the keyboard, its links reachable, no violation while open
            page.navigate(somep.uri("/dashboard?lang=en").toString());
            page.locator("header summary", new Page.LocatorOptions().setHasText("Administration")).focus();
            page.keyboard().press("Enter");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts").setExact(true))).isVisible();
            assertEquals(List.of(), violations(page), "the open menu");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts").setExact(true)).click();
            assertThat(page).hasURL(somep.uri("/admin/users").toString());
        }
    }

    /** Signs in (unless a guest), visits each page, and for the extra pages also every course and activity they link to. */
    private static void check(String user, String password, List<String> paths, String... followCourseLinksFrom) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 800).setBypassCSP(true))) { // the site's CSP forbids inline scripts, axe is one
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            if (user != null) signIn(page, user, password);
            Set<String> all = new LinkedHashSet<>(paths);
            for (String from : followCourseLinksFrom) {
                page.navigate(somep.uri(from).toString());
                Set<String> courses = links(page, "a[href^='/course/']");
                for (String c : courses) {
                    if (!c.matches("/course/\\d+")) continue;
                    all.add(c);
                    page.navigate(somep.uri(c).toString());
                    links(page, "a[href^='/course/activity/']").stream().limit(6).forEach(all::add);
                }
            }
            if (followCourseLinksFrom.length > 0) assertTrue(all.stream().anyMatch(p -> p.matches("/course/\\d+")), "courses were followed: " + all);
            System.out.println("axe-core checks" + (user == null ? " (guest)" : " (" + user + ")") + ": " + all);
            for (String path : all) {
                Response r = page.navigate(somep.uri(path).toString());
                List<String> found = r.status() == 200 ? violations(page) : List.of("answered " + r.status());
                if (!found.isEmpty()) problems.put(path, found);
            }
        }
        StringBuilder report = new StringBuilder();
        problems.forEach((p, v) -> report.append('\n').append(p).append(":\n  ").append(String.join("\n  ", v)));
        assertTrue(problems.isEmpty(), "serious or critical axe-core violations" + (user == null ? " (guest)" : " (" + user + ")") + ":" + report);
    }

    private static Set<String> links(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evalOnSelectorAll(selector, "as => as.map(a => a.getAttribute('href').split('?')[0].split('#')[0])");
        return new LinkedHashSet<>(hrefs);
    }

    /** axe-core's serious and critical violations on the page, one line each with up to three element selectors. */
    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -- ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))");
        return new ArrayList<>((List<String>) result);
    }

    private static void signIn(Page page, String username, String password) {
        page.navigate(somep.uri("/login").toString());
        page.locator("main").getByLabel("User name", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill(username);
        page.locator("main").getByLabel("Password", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByTestId("user")).isVisible();
    }
}
