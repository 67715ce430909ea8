package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.As;
import eu.somep.testkit.Browser;
import eu.somep.testkit.Client;
import eu.somep.testkit.Data;
import eu.somep.testkit.Role;
import eu.somep.testkit.SomepTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit itself: chosen plugins only, on PostgreSQL, with clients and browsers signed in with each role. */
@SomepTest(plugins = {"pages", "course"}, database = SomepTest.Database.POSTGRES)
class TestkitIT {
    private static final String ABOUT = "{\"language\":\"en\",\"title\":\"About\",\"body\":\"Edited in a test.\",\"visibility\":\"public\"}";

    @Test
    void only_the_chosen_plugins_run(@As(Role.ADMIN) Client admin) throws Exception {
        String plugins = admin.get("/api/plugins").body();
        assertTrue(plugins.contains("\"component\":\"course\"") && plugins.contains("\"component\":\"pages\""), plugins);
        assertFalse(plugins.contains("\"component\":\"forum\""), plugins);
    }

    @Test
    void each_role_gets_what_it_may(@As(Role.GUEST) Client guest, @As(Role.TRAINEE) Client trainee, @As(Role.MANAGER) Client manager,
                                    @As(Role.ADMIN) Client admin) throws Exception {
        assertEquals(401, guest.put("/api/pages/about", ABOUT).statusCode());
        assertEquals(403, trainee.put("/api/pages/about", ABOUT).statusCode());
        HttpResponse<String> edited = manager.put("/api/pages/about", ABOUT);
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals(403, manager.get("/api/plugins").statusCode(), "a manager does not manage plugins");
        assertEquals(200, admin.get("/api/plugins").statusCode());
    }

    @Test
    void a_browser_is_signed_in_and_posts_with_the_csrf_token(@As(Role.TRAINER) Browser trainer, @As(Role.GUEST) Browser guest) throws Exception {
        assertEquals(303, guest.get("/dashboard").statusCode(), "a guest is sent to sign in");
        assertEquals(200, trainer.get("/dashboard").statusCode());
        HttpResponse<String> out = trainer.submit("/dashboard", "/logout", Map.of());
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(303, trainer.get("/dashboard").statusCode(), "signed out");
    }

    @Test
    void builders_make_courses_and_enrol_people(Data data) throws Exception {
        long course = data.course("Open-source intelligence \"basics\"");
        Data.User ayse = data.user("ayse");
        data.enrol(course, ayse, Role.TRAINEE);
        String mine = data.client(ayse).get("/api/course/my").body();
        assertTrue(mine.contains("Open-source intelligence \\\"basics\\\""), mine);
    }
}
