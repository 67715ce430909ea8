package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import eu.somep.core.config.Settings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in throttling on every path, the audit log, and the absolute session timeout. */
class AuditAndThrottleIT {

    static HttpResponse<String> token(TestSomep somep, String user, String password) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build());
    }

    @Test
    void repeated_failures_lock_an_account_name_whether_or_not_it_exists() throws Exception {
        try (TestSomep somep = TestSomep.builder().set(Settings.LOGIN_MAX_FAILURES_ACCOUNT, "3").set(Settings.LOGIN_MAX_FAILURES_ADDRESS, "100").start()) {
            somep.adminToken(); // a token taken before the attack keeps working
            for (String user : new String[] {"admin", "ghost"}) {
                for (int i = 0; i < 3; i++) assertEquals(401, token(somep, user, "wrong").statusCode(), user + " attempt " + i);
                HttpResponse<String> locked = token(somep, user, user.equals("admin") ? TestSomep.ADMIN_PASSWORD : "wrong");
                assertEquals(429, locked.statusCode(), "even the right password is refused now: " + locked.body());
                assertTrue(locked.body().contains("Too many failed sign-in attempts"), locked.body());
            }
            // the form is throttled too, with the same refusal for the same name
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            String csrf = SecurityIT.Browser.csrf(browser.get("/login"));
            HttpResponse<String> form = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD, "_csrf", csrf));
            assertEquals(429, form.statusCode());
            assertTrue(form.body().contains("Too many failed sign-in attempts"), form.body());
            assertEquals(200, somep.send(somep.asAdmin("/api/plugins").GET().build()).statusCode());
        }
    }

    @Test
    void a_success_clears_the_account_and_an_address_is_limited_across_names() throws Exception {
        try (TestSomep somep = TestSomep.builder().set(Settings.LOGIN_MAX_FAILURES_ACCOUNT, "3").set(Settings.LOGIN_MAX_FAILURES_ADDRESS, "6").start()) {
            assertEquals(401, token(somep, "admin", "wrong").statusCode());
            assertEquals(401, token(somep, "admin", "wrong").statusCode());
            assertEquals(201, token(somep, "admin", TestSomep.ADMIN_PASSWORD).statusCode());
            assertEquals(401, token(somep, "admin", "wrong").statusCode(), "the count started again after the success");
            for (String user : new String[] {"a1", "a2", "a3"}) assertEquals(401, token(somep, user, "x").statusCode());
            assertEquals(429, token(somep, "a4", "x").statusCode(), "six failures from this address");
        }
    }

    @Test
    void sign_ins_and_plugin_changes_are_in_the_audit_log() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertEquals(401, token(somep, "admin", "wrong").statusCode());
            assertEquals(200, somep.adminPost("/api/plugins/pages/disable").statusCode());
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();

            String auth = somep.send(somep.asAdmin("/api/audit?action=auth/").GET().build()).body();
            assertTrue(auth.contains("\"action\":\"auth/login-failed\"") && auth.contains("\"actor\":\"admin\""), auth);
            assertTrue(auth.contains("\"action\":\"auth/login\"") && auth.contains("\"target\":\"form\""), auth);
            assertTrue(auth.contains("127.0.0.1"), "the address is recorded: " + auth);
            String plugin = somep.send(somep.asAdmin("/api/audit?action=plugin/").GET().build()).body();
            assertTrue(plugin.contains("\"action\":\"plugin/disable\"") && plugin.contains("\"target\":\"pages\""), plugin);
            assertFalse(plugin.contains("auth/"), "the filter keeps only plugin entries");

            HttpResponse<String> page = browser.get("/admin/audit?user=admin&action=plugin/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("plugin/disable") && !page.body().contains("auth/login-failed"), page.body());
            assertEquals(400, somep.send(somep.asAdmin("/api/audit?from=yesterday").GET().build()).statusCode());
            assertEquals(401, somep.get("/api/audit").statusCode());
        }
    }

    @Test
    void a_session_ends_after_its_absolute_lifetime_however_active() throws Exception {
        try (TestSomep somep = TestSomep.builder().set(Settings.SESSION_MAX_HOURS, "0").start()) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> r = browser.get("/admin/plugins");
            assertEquals(303, r.statusCode(), "a zero lifetime ends the session at the next request");
            assertTrue(r.headers().firstValue("Location").orElse("").contains("/login?next="), r.headers().toString());
        }
    }
}
