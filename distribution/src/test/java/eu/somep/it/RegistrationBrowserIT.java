package eu.somep.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating an account and setting a forgotten password as a person does, in a real browser (Debian's Chromium,
 * driven by Playwright), with the mails read from a real SMTP server (GreenMail): the sign-in page's link to the
 * registration form, a mistake and its message, the mailed link and its confirm button, signing in, the language
 * switcher in German and Turkish, and signing out. One kernel, one SMTP server and one browser for the class.
 */
class RegistrationBrowserIT {

    private static GreenMail smtp;
    private static TestSomep somep;
    private static Chromium chromium;
    private static Browser browser;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        somep = TestSomep.builder().set(Settings.MAIL_HOST, "127.0.0.1")
                .set(Settings.MAIL_PORT, String.valueOf(smtp.getSmtp().getPort())).start();
        chromium = Chromium.start();
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) chromium.close();
        } finally {
            try {
                if (somep != null) {
                    somep.close();
                    somep.deleteHome();
                }
            } finally {
                if (smtp != null) smtp.stop();
            }
        }
    }

    @BeforeEach
    void openPage() throws Exception {
        smtp.purgeEmailFromAllMailboxes(); // each test counts its own mails
        // A fresh context per test: no cookies (no session, no language choice), an English browser.
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
    }

    @Test
    void a_visitor_creates_an_account_confirms_it_by_mail_signs_in_switches_language_and_signs_out() throws Exception {
        // From the home page to the registration form, through the sign-in page
        page.navigate(somep.uri("/").toString());
        header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(heading("Please sign in")).isVisible();
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Create an account").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/register$"));
        assertThat(heading("Create an account")).isVisible();

        // A user name with a space, and two passwords that differ: the form comes back, saying what to fix
        field("User name").fill("ayse kaya");
        field("Name").fill("Ayşe Kaya");
        field("E-mail").fill("ayse@example.org");
        field("Password").fill("ayse-pass-123");
        field("Password again").fill("ayse-pass-124");
        button("Create my account").click();
        Locator problems = main().getByRole(AriaRole.ALERT);
        assertThat(problems).containsText("A user name is 2 to 100 lower-case letters, digits, dots, hyphens or underscores.");
        assertThat(problems).containsText("The two new passwords differ.");
        assertThat(heading("Create an account")).isVisible();
        // what was typed is kept, except the passwords
        assertThat(field("User name")).hasValue("ayse kaya");
        assertThat(field("Name")).hasValue("Ayşe Kaya");
        assertThat(field("E-mail")).hasValue("ayse@example.org");
        assertThat(field("Password")).hasValue("");
        assertEquals(0, smtp.getReceivedMessages().length, "no mail for a refused form");

        // Mended: the site asks to check the mail
        field("User name").fill("ayse");
        field("Password").fill("ayse-pass-123");
        field("Password again").fill("ayse-pass-123");
        button("Create my account").click();
        assertThat(notice()).hasText("Thank you. We have sent a mail to the address you gave: follow its link to confirm your account.");

        // Not confirmed yet: signing in says so
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        signIn("ayse", "ayse-pass-123");
        assertThat(main().getByRole(AriaRole.ALERT)).hasText("Your e-mail address is not confirmed yet. Follow the link in the mail we sent you.");
        assertThat(page.getByTestId("user")).hasCount(0);

        // The mail's link opens a page; its button confirms
        String[] mail = RegistrationIT.mailTo(smtp, "ayse@example.org", 1);
        assertTrue(mail[0].contains("confirm"), mail[0]);
        page.navigate(link(mail[1], "/register/confirm"));
        assertThat(heading("Confirm your account")).isVisible();
        button("Confirm my account").click();
        assertThat(notice()).hasText("Your account is confirmed. You can sign in now.");

        // Sign in with the new account, from the notice's link
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        signIn("ayse", "ayse-pass-123");
        assertThat(page.getByTestId("user")).hasText("Ayşe Kaya");
        page.getByTestId("user").click();
        assertThat(page).hasURL(Pattern.compile("/profile$"));
        assertThat(heading("Your profile")).isVisible();
        assertThat(field("E-mail")).hasValue("ayse@example.org");

        // Deutsch through the language switcher: the page and the navigation speak German, the user stays signed in
        languageButton("DE").click();
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(languageButton("DE")).hasAttribute("aria-current", "true");
        assertThat(heading("Ihr Profil")).isVisible();
        assertThat(button("Abmelden")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API-Tokens").setExact(true))).isVisible();
        assertThat(page.getByTestId("user")).hasText("Ayşe Kaya");
        // the choice is kept on the next page
        page.navigate(somep.uri("/profile").toString());
        assertThat(heading("Ihr Profil")).isVisible();

        // Türkçe
        languageButton("TR").click();
        assertThat(page.locator("html")).hasAttribute("lang", "tr");
        assertThat(languageButton("TR")).hasAttribute("aria-current", "true");
        assertThat(heading("Profiliniz")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API anahtarları").setExact(true))).isVisible();

        // Sign out (in Turkish): a visitor again, and the profile asks to sign in
        button("Çıkış yap").click();
        assertThat(header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Giriş yap").setExact(true))).isVisible();
        assertThat(page.getByTestId("user")).hasCount(0);
        page.navigate(somep.uri("/profile").toString());
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        assertThat(heading("Lütfen giriş yapın")).isVisible();
        assertThat(page.getByTestId("user")).hasCount(0);
    }

    @Test
    void a_user_who_forgot_the_password_sets_a_new_one_from_the_mailed_link_and_signs_in_with_it() throws Exception {
        var u = somep.kernel().users().create("officer", "officer-pass-1", "Officer Demir", false);
        somep.kernel().users().saveProfile(u, new Profile("Officer Demir", "officer@example.org", null, null, null, null));

        // From the sign-in page to the forgotten-password form
        page.navigate(somep.uri("/login").toString());
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Forgotten your password?").setExact(true)).click();
        assertThat(heading("Forgotten password")).isVisible();
        field("User name or e-mail address").fill("officer@example.org");
        button("Send me a link").click();
        assertThat(notice()).containsText("If an account matches what you gave, we have sent a mail with a link to set a new password.");

        // The mailed link opens the form for a new password
        String[] mail = RegistrationIT.mailTo(smtp, "officer@example.org", 1);
        assertTrue(mail[1].contains("officer"), "the mail names the account: " + mail[1]);
        page.navigate(link(mail[1], "/password/reset"));
        assertThat(heading("Set a new password")).isVisible();
        field("New password").fill("fresh-pass-2024");
        field("Password again").fill("fresh-pass-2025");
        button("Set the password").click();
        assertThat(main().getByRole(AriaRole.ALERT)).hasText("The two new passwords differ.");
        field("New password").fill("fresh-pass-2024");
        field("Password again").fill("fresh-pass-2024");
        button("Set the password").click();
        assertThat(notice()).hasText("Your password has been changed. You can sign in with it now.");

        // The old password no longer works, the new one does
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        signIn("officer", "officer-pass-1");
        assertThat(main().getByRole(AriaRole.ALERT)).hasText("Wrong user name or password.");
        signIn("officer", "fresh-pass-2024");
        assertThat(page.getByTestId("user")).hasText("Officer Demir");

        // The link was for once only
        page.navigate(link(mail[1], "/password/reset"));
        assertThat(notice()).containsText("This link is not valid");
    }

    /** Fills and sends the sign-in form of the page shown. */
    private void signIn(String username, String password) {
        assertThat(heading("Please sign in")).isVisible();
        field("User name").fill(username);
        field("Password").fill(password);
        button("Sign in").click();
    }

    /** The link to the site in a mail's body, as the person would open it. */
    private static String link(String body, String path) {
        Matcher m = Pattern.compile("http://localhost:\\d+" + Pattern.quote(path) + "\\?token=[0-9a-f]{64}").matcher(body);
        assertTrue(m.find(), "the mail has the link: " + body);
        assertTrue(m.group().startsWith(somep.uri("/").toString()), "the link leads to this site: " + m.group());
        return m.group();
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private Locator field(String label) {
        return main().getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator notice() {
        return page.getByTestId("notice");
    }

    private Locator header() {
        return page.locator("header");
    }

    private Locator main() {
        return page.locator("main");
    }

    private Locator languageButton(String code) {
        return header().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code).setExact(true));
    }

}
