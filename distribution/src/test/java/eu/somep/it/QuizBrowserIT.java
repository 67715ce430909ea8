package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestSomep;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A timed quiz in a real browser (Debian's Chromium, driven by Playwright): the trainee starts it and sees the
 * countdown, answers, and the page's autosave keeps the answers; the browser is closed mid-attempt; signed in again
 * in a new browser, the trainee resumes with every answer intact, submits, and sees the review the quiz allows
 * (marks and feedback, not the right answers).
 */
class QuizBrowserIT {
    private static final String TRAINEE = "ayse";
    private static final String PASSWORD = "ayse-pass-123";
    private static TestSomep somep;
    private static Chromium chromium;
    private static long quiz;

    @BeforeAll
    static void start() throws Exception {
        somep = TestSomep.builder().set("somep.plugin.start.timeout.ms", "60000").start();
        String admin = somep.adminToken();
        long section = QuizIT.enrol(somep, admin, TRAINEE);
        quiz = QuizIT.quiz(somep, admin, section, "Timed check", "{\"timelimit\":\"10\",\"reviewanswers\":\"never\"}");
        long cat = QuizIT.num("\"id\":(\\d+)", QuizIT.expect(201, QuizIT.as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Browser\"}")).body());
        long tf = QuizIT.question(somep, admin, cat, "{\"type\":\"truefalse\",\"name\":\"Flat\",\"text\":\"The earth is flat.\",\"answers\":[{\"text\":\"false\",\"feedback\":\"Right, it is round.\"}]}");
        long sa = QuizIT.question(somep, admin, cat, "{\"type\":\"shortanswer\",\"name\":\"Capital\",\"text\":\"The capital of Turkey?\",\"answers\":[{\"text\":\"Ankara\",\"fraction\":1}]}");
        long mc = QuizIT.question(somep, admin, cat, "{\"type\":\"multichoice\",\"name\":\"Verify\",\"text\":\"What comes first when a post looks official?\",\"single\":true,"
                + "\"answers\":[{\"text\":\"Check the account's history\",\"fraction\":1},{\"text\":\"Share it quickly\",\"fraction\":0},{\"text\":\"Reply with a question\",\"fraction\":0}]}");
        for (long q : new long[] {tf, sa, mc}) QuizIT.expect(201, QuizIT.as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + q + "}"));
        chromium = Chromium.start();
        // autosave runs every five seconds: give assertions more than Playwright's default five
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stop() throws Exception {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (somep != null) somep.close();
        }
    }

    static BrowserContext context() {
        BrowserContext c = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
        c.setDefaultTimeout(20_000);
        return c;
    }

    static void signIn(Page page) {
        page.navigate(somep.uri("/login").toString());
        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill(TRAINEE);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        button(page, "Sign in").click();
        assertThat(page.getByTestId("user")).isVisible();
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator field(Page page, String label) {
        return page.locator("main").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    @Test
    void a_timed_attempt_survives_closing_the_browser() throws Exception {
        BrowserContext first = context();
        Page page = first.newPage();
        signIn(page);
        page.navigate(somep.uri("/quiz/" + quiz).toString());
        button(page, "Start an attempt").click();
        assertThat(page.getByTestId("countdown")).hasText(Pattern.compile("Time left: (10:00|9:[0-5]\\d)"));
        field(page, "False").check();
        field(page, "Answer").fill("Ankara");
        field(page, "Check the account's history").check();
        // autosave: each answer reaches the server, which answers the next sequence number
        for (int slot = 1; slot <= 3; slot++) assertThat(page.locator("input[name=seq" + slot + "]")).hasValue("1");
        assertThat(page.getByTestId("autosave")).containsText("Answers saved at");
        first.close(); // the browser is closed mid-attempt: nothing was submitted

        BrowserContext second = context();
        page = second.newPage();
        signIn(page);
        page.navigate(somep.uri("/quiz/" + quiz).toString());
        button(page, "Continue the attempt").click();
        assertThat(field(page, "False")).isChecked();
        assertThat(field(page, "Answer")).hasValue("Ankara");
        assertThat(field(page, "Check the account's history")).isChecked();
        assertThat(page.getByTestId("countdown")).hasText(Pattern.compile("Time left: \\d+:\\d\\d"));
        button(page, "Finish the attempt").click();

        // the review the settings allow: marks and feedback, no right answers
        assertThat(page.getByTestId("grade")).hasText("Grade: 100 / 100");
        assertThat(page.locator("main")).containsText("Right, it is round.");
        assertThat(page.getByTestId("right")).hasCount(0);
        HttpResponse<String> attempts = QuizIT.as(somep, somep.adminToken(), "GET", "/api/quiz/quizzes/" + quiz + "/attempts", null);
        assertEquals(1, attempts.body().split("\"number\":").length - 1, "one attempt, resumed rather than restarted: " + attempts.body());
        second.close();
    }
}
