package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The courses plugin in a real browser (Debian's Chromium, driven by Playwright) against the real kernel with the
 * shipped plugins. A manager (the {@code manager} role in the site context, given through the roles API: only that
 * archetype may create courses, in a category context) creates a course in the demo category, gets a validation error
 * with the typed values kept, adds a section and a page, and enrols a trainee; the trainee reads the page and sees
 * the progress on "My courses" go from 0% to 100%; the course page in German.
 */
class CourseBrowserIT {
    private static final String TRAINER = "trainer1";
    private static final String TRAINER_PASSWORD = "trainer-pass-123";
    private static final String TRAINEE = "trainee1";
    private static final String TRAINEE_PASSWORD = "trainee-pass-123";

    private static final String COURSE = "Open-source intelligence for investigators";
    private static final String SHORTNAME = "OSINT101";
    private static final String SECTION = "Week 1: Finding sources";
    private static final String ACTIVITY = "Reading: Search operators";
    private static final String PARAGRAPH1 = "Search engines understand operators such as site: and quotes.";
    private static final String PARAGRAPH2 = "Archives keep pages that were deleted.";

    private static TestSomep somep;
    private static Chromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().start();
        somep.kernel().users().create(TRAINER, TRAINER_PASSWORD, "Tina Trainer", false);
        somep.kernel().users().create(TRAINEE, TRAINEE_PASSWORD, "Tom Trainee", false);
        var r = somep.send(somep.asAdmin("/api/roles/manager/assignments").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + TRAINER + "\"}")).build());
        assertEquals(201, r.statusCode(), r.body());

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
    void a_manager_builds_a_course_and_a_trainee_completes_it() {
        String courseUrl;
        try (BrowserContext trainerContext = newContext()) {
            Page page = trainerContext.newPage();
            signIn(page, TRAINER, TRAINER_PASSWORD, "Tina Trainer");

            // Courses: the demo category, and a new course in it
            navLink(page, "Courses").click();
            assertThat(page).hasURL(Pattern.compile("/course$"));
            assertThat(heading(page, "Courses")).isVisible();
            Locator category = page.locator("section[data-category]").filter(new Locator.FilterOptions()
                    .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Police training").setExact(true))));
            assertThat(category.locator("[data-course=SMP101]")).containsText("Social media in policing");
            category.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("New course").setExact(true)).click();
            assertThat(heading(page, "New course")).isVisible();
            assertThat(page.locator("#categoryId option:checked")).hasText("Police training");

            // A bad value first: the end date before the start date
            field(page, "Full name").fill(COURSE);
            field(page, "Short name").fill(SHORTNAME);
            field(page, "Summary").fill("Finding and checking public information online.");
            field(page, "Language").selectOption("en");
            field(page, "Start date").fill("2030-05-10");
            field(page, "End date").fill("2030-05-01");
            button(page, "Save").click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("The end date is before the start date.");
            assertThat(heading(page, "New course")).isVisible();
            assertThat(field(page, "Full name")).hasValue(COURSE);
            assertThat(field(page, "Short name")).hasValue(SHORTNAME);
            assertThat(field(page, "Summary")).hasValue("Finding and checking public information online.");
            assertThat(field(page, "Language")).hasValue("en");
            assertThat(field(page, "Start date")).hasValue("2030-05-10");
            assertThat(field(page, "End date")).hasValue("2030-05-01");
            assertThat(field(page, "Visible to participants")).isChecked();
            assertThat(page.locator("#categoryId option:checked")).hasText("Police training");

            // Corrected: the course page, with the general section every course starts with
            field(page, "End date").fill("2030-06-30");
            button(page, "Save").click();
            assertThat(page).hasURL(Pattern.compile("/course/\\d+$"));
            assertThat(heading(page, COURSE)).isVisible();
            assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
            assertThat(sectionHeading(page, "General")).isVisible();
            courseUrl = page.url();

            // A section, and a page activity in it
            field(page, "Section title").fill(SECTION);
            field(page, "Section summary").fill("Search engines, archives and social networks.");
            button(page, "Add a section").click();
            Locator section = section(page, SECTION);
            assertThat(section).containsText("Search engines, archives and social networks.");
            assertThat(section).containsText("No activities yet.");
            field(section, "Add an activity").selectOption("page");
            section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
            assertThat(heading(page, "Add: Page")).isVisible();
            assertThat(field(page, "Counts towards course completion")).isChecked();
            field(page, "Name").fill(ACTIVITY);
            field(page, "Text").fill(PARAGRAPH1 + "\n\n" + PARAGRAPH2); // the browser sends CRLF line breaks
            button(page, "Save").click();
            assertThat(page).hasURL(courseUrl);
            section = section(page, SECTION);
            assertThat(section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ACTIVITY).setExact(true))).isVisible();
            assertThat(section).not().containsText("No activities yet.");

            // Participants: the manager may edit every course, so is not enrolled; enrol the trainee by user name
            link(page, "Participants").click();
            assertThat(heading(page, "Participants")).isVisible();
            assertThat(page.getByText("Nobody is enrolled yet.")).isVisible();
            Locator enrolForm = page.locator("form").filter(new Locator.FilterOptions().setHas(page.locator("#username")));
            field(page, "User name").fill(TRAINEE);
            assertThat(field(page, "Role")).hasValue("trainee");
            enrolForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enrol").setExact(true)).click();
            Locator row = page.locator("tr[data-participant=" + TRAINEE + "]");
            assertThat(row).containsText("Tom Trainee");
            assertThat(row.locator("td").nth(2)).hasText("Trainee");
            assertThat(row).containsText("0%");

            // An unknown user name: the message, and nobody else enrolled
            field(page, "User name").fill("nobody-here");
            enrolForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enrol").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("There is no account with this user name.");
            assertThat(page.locator("tr[data-participant]")).hasCount(1);
        }

        try (BrowserContext traineeContext = newContext()) {
            Page page = traineeContext.newPage();
            signIn(page, TRAINEE, TRAINEE_PASSWORD, "Tom Trainee");

            // My courses: the new course, nothing done yet
            navLink(page, "My courses").click();
            assertThat(page).hasURL(Pattern.compile("/course/my$"));
            assertThat(heading(page, "My courses")).isVisible();
            Locator card = page.locator("[data-course=" + SHORTNAME + "]");
            assertThat(card.getByTestId("progress")).hasText("0% complete (0 of 1)");
            assertThat(card.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("value", "0");

            // The course and its page
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(COURSE).setExact(true)).click();
            assertThat(page).hasURL(courseUrl);
            assertThat(heading(page, COURSE)).isVisible();
            assertThat(page.getByText("Your progress: 0%")).isVisible();
            assertThat(field(page, "Section title")).hasCount(0); // no editing for trainees
            Locator section = section(page, SECTION);
            assertThat(section.getByTestId("done")).hasCount(0);
            section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ACTIVITY).setExact(true)).click();
            assertThat(heading(page, ACTIVITY)).isVisible();
            assertThat(page.locator(".course-page p")).hasText(new String[] {PARAGRAPH1, PARAGRAPH2});

            // Back on the course page it is done, and My courses shows 100%
            link(page, COURSE).click();
            assertThat(section(page, SECTION).getByTestId("done")).hasText("Done");
            assertThat(page.getByText("Your progress: 100%")).isVisible();
            navLink(page, "My courses").click();
            assertThat(card.getByTestId("progress")).hasText("100% complete (1 of 1)");
            assertThat(card.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("value", "100");
            assertThat(page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(ACTIVITY))).containsText(COURSE);

            // The course page in German
            page.navigate(courseUrl + "?lang=de");
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(heading(page, COURSE)).isVisible();
            assertThat(page.getByText("Ihr Fortschritt: 100%")).isVisible();
            assertThat(section(page, SECTION).getByTestId("done")).hasText("Erledigt");
            assertThat(sectionHeading(page, "General")).isVisible(); // titles are content, not translated
            assertThat(navLink(page, "Meine Kurse")).isVisible();
            assertThat(navLink(page, "Kurse")).isVisible();
            navLink(page, "Meine Kurse").click();
            assertThat(heading(page, "Meine Kurse")).isVisible();
            assertThat(card.getByTestId("progress")).hasText("100% abgeschlossen (1 von 1)");
        }
    }

    private static BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        return context;
    }

    private static void signIn(Page page, String username, String password, String displayName) {
        page.navigate(somep.uri("/login").toString());
        assertThat(heading(page, "Please sign in")).isVisible();
        field(page, "User name").fill(username);
        field(page, "Password").fill(password);
        button(page, "Sign in").click();
        assertThat(page.getByTestId("user")).hasText(displayName);
    }

    /** A form control of the page's content (not of the header's menus) by its exact label. */
    private static Locator field(Page page, String label) {
        return field(page.locator("main"), label);
    }

    private static Locator field(Locator within, String label) {
        return within.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private static Locator sectionHeading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(2));
    }

    /** A section card of the course page, by its title. */
    private static Locator section(Page page, String title) {
        return page.locator("section[data-section]").filter(new Locator.FilterOptions().setHas(sectionHeading(page, title)));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A link of the site navigation, its menu opened if it is in one. */
    private static Locator navLink(Page page, String name) {
        return NavMenus.link(page, name);
    }

}
