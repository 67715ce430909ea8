package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import eu.somep.core.config.Settings;
import eu.somep.core.security.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forum in a real browser (Debian's Chromium, driven by Playwright), with the mail read from a real SMTP server
 * (GreenMail): a trainee starts a discussion in "Social media and policing" with an image, which the post shows as
 * a thumbnail, and subscribes to it with the page's button; another trainee replies with a quote; the first sees
 * an unread badge on the discussion and gets an e-mail with the reply and a link, which opens the discussion with
 * the reply nested under their post.
 */
class ForumBrowserIT {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String FORUM = "Social media and policing";
    private static final String TITLE = "Posting suspect photos";
    private static final String OPENING = "Should forces post CCTV stills of suspects? The chart shows the responses we had.";
    private static final String REPLY = "Only with a court order, and the posts must be taken down afterwards.";
    private static final String AYSE_MAIL = "ayse@example.org";

    private static GreenMail smtp;
    private static TestSomep somep;
    private static Playwright playwright;
    private static Browser browser;
    private static Path chromiumHome;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        somep = TestSomep.builder().set(Settings.MAIL_HOST, "127.0.0.1")
                .set(Settings.MAIL_PORT, String.valueOf(smtp.getSmtp().getPort())).start();
        var ayse = somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse Yilmaz", false);
        somep.kernel().users().saveProfile(ayse, new Profile("Ayse Yilmaz", AYSE_MAIL, null, null, "en", null));
        somep.kernel().users().create("mehmet", "mehmet-pass-123", "Mehmet Kaya", false);
        chromiumHome = Files.createTempDirectory("somep-chromium-");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run"))
                .setEnv(Map.of(
                        "HOME", chromiumHome.toString(),
                        "XDG_CONFIG_HOME", chromiumHome.resolve("config").toString(),
                        "XDG_CACHE_HOME", chromiumHome.resolve("cache").toString())));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.close();
            if (playwright != null) playwright.close();
        } finally {
            try {
                if (somep != null) {
                    somep.close();
                    somep.deleteHome();
                }
            } finally {
                if (smtp != null) smtp.stop();
            }
            if (chromiumHome != null) {
                try (var s = Files.walk(chromiumHome)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void a_discussion_with_an_image_a_quoted_reply_the_unread_badge_and_the_mail() throws Exception {
        try (BrowserContext ayseContext = newContext(); BrowserContext mehmetContext = newContext()) {
            Page ayse = ayseContext.newPage();
            signIn(ayse, "ayse", "ayse-pass-123", "Ayse Yilmaz");

            // Ayse starts a discussion with an image attached
            openForum(ayse);
            field(ayse, "Subject").fill(TITLE);
            field(ayse, "Message").fill(OPENING);
            ayse.locator("main #attachment1").setInputFiles(new FilePayload("chart.png", "image/png", ForumAttachmentIT.png(640, 300)));
            button(ayse, "Post to forum").click();
            assertThat(ayse).hasURL(Pattern.compile("/forum/discussion/\\d+$"));
            assertThat(heading(ayse, TITLE)).isVisible();
            String discussionUrl = ayse.url();
            Locator first = ayse.locator("article.forum-depth-0").first();
            assertThat(first).containsText(OPENING);
            Locator thumb = first.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("chart.png").setExact(true));
            assertThat(thumb).hasAttribute("src", Pattern.compile("^/forum/attachment/\\d+/thumb$"));
            assertThat(thumb).hasJSProperty("complete", true);
            assertThat(thumb).hasJSProperty("naturalWidth", 320); // the thumbnail was served and decoded

            // The forum's subscription is optional: Ayse follows her discussion with the page's button
            Locator subscription = ayse.getByTestId("subscription");
            assertThat(subscription).hasText("You are not subscribed.");
            button(ayse, "Subscribe to this discussion").click();
            assertThat(ayse).hasURL(discussionUrl);
            assertThat(subscription).hasText("You are subscribed: new posts come by e-mail.");
            assertThat(button(ayse, "Unsubscribe from this discussion")).isVisible();

            // Mehmet replies to it with a quote
            Page mehmet = mehmetContext.newPage();
            signIn(mehmet, "mehmet", "mehmet-pass-123", "Mehmet Kaya");
            openForum(mehmet);
            mehmet.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(TITLE).setExact(true)).click();
            assertThat(heading(mehmet, TITLE)).isVisible();
            mehmet.locator("article.forum-depth-0").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Quote").setExact(true)).click();
            Locator message = field(mehmet, "Message");
            assertThat(message).hasValue(Pattern.compile("^<blockquote>Ayse Yilmaz: Should forces post CCTV stills"));
            message.fill(message.inputValue() + REPLY);
            button(mehmet, "Post to forum").click();
            assertThat(mehmet).hasURL(discussionUrl);
            assertThat(mehmet.locator("article.forum-depth-1")).containsText(REPLY);
            String replyId = mehmet.locator("article.forum-depth-1").first().getAttribute("data-post");

            // The mail goes out now rather than at the task's next minute: one mail, to Ayse, with the reply and its link
            var run = somep.adminPost("/api/forum/notifications/send");
            assertEquals(200, run.statusCode(), run.body());
            assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the reply's mail arrives");
            String[] mail = RegistrationIT.mailTo(smtp, AYSE_MAIL, 1);
            assertEquals(1, smtp.getReceivedMessages().length, "one mail: Ayse's own post mails no one");
            assertEquals("[" + FORUM + "] " + TITLE, mail[0]);
            assertTrue(mail[1].contains("Mehmet Kaya wrote in \"" + TITLE + "\""), mail[1]);
            assertTrue(mail[1].replaceAll("\\s+", " ").contains(REPLY), mail[1]);
            Matcher link = Pattern.compile("Open the post: (http://localhost:\\d+/forum/discussion/(\\d+)#p(\\d+))").matcher(mail[1]);
            assertTrue(link.find(), "the mail links to the reply: " + mail[1]);
            assertEquals(discussionUrl, link.group(1).substring(0, link.group(1).indexOf('#')));
            assertEquals(replyId, link.group(3));

            // Ayse: an unread badge on the discussion; the mail's link opens it, the reply nested under her post, with the quote
            openForum(ayse);
            Locator row = ayse.locator("tr[data-discussion=\"" + TITLE + "\"]");
            assertThat(row.getByTestId("unread")).hasText("1");
            ayse.navigate(link.group(1));
            assertThat(ayse).hasURL(link.group(1));
            assertThat(heading(ayse, TITLE)).isVisible();
            assertThat(ayse.locator("main article#p" + replyId)).containsText(REPLY);
            Locator articles = ayse.locator("main article");
            assertThat(articles).hasCount(2);
            assertThat(articles.nth(0)).hasClass(Pattern.compile("forum-depth-0"));
            assertThat(articles.nth(1)).hasClass(Pattern.compile("forum-depth-1"));
            assertThat(articles.nth(1)).containsText("Mehmet Kaya");
            assertThat(articles.nth(1)).containsText(REPLY);
            assertThat(articles.nth(1).locator("blockquote")).containsText("Ayse Yilmaz: Should forces post CCTV stills");
            openForum(ayse);
            assertThat(ayse.locator("tr[data-discussion=\"" + TITLE + "\"]").getByTestId("unread")).hasText("");
        }
    }

    private static void openForum(Page page) {
        page.navigate(somep.uri("/forum").toString());
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(FORUM).setExact(true)).click();
        assertThat(heading(page, FORUM)).isVisible();
    }

    private static BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 1000));
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

    private static Locator field(Page page, String label) {
        return page.locator("main").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
