package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.Browser;
import eu.somep.testkit.Client;
import eu.somep.testkit.Data;
import eu.somep.testkit.Role;
import eu.somep.testkit.SomepTest;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocks from plugins on the dashboard and the site home, arranged per user; a broken block is left out. */
@SomepTest
class DashboardIT {
    @Test
    void users_arrange_their_blocks_and_a_broken_block_takes_nothing_down(TestSomep somep, Data data) throws Exception {
        Data.User trainee = data.user("trainee1");
        data.enrol(1, trainee, Role.TRAINEE);

        assertEquals(303, somep.get("/dashboard").statusCode(), "guests are sent to sign in");
        assertEquals(401, somep.get("/api/dashboard/dashboard").statusCode());
        assertTrue(somep.get("/").body().contains("data-block=\"course:catalogue\""), "the course catalogue block on the site home");

        Browser b = data.browser(trainee);
        HttpResponse<String> dash = b.get("/dashboard");
        assertEquals(200, dash.statusCode());
        assertTrue(dash.body().contains("data-block=\"course:mycourses\"") && dash.body().contains("Social media in policing"), "my courses shows the enrolment");
        assertTrue(dash.body().indexOf("data-block=\"course:mycourses\"") < dash.body().indexOf("data-block=\"course:catalogue\""), "default order");

        // arrange from the page: hide "my courses", move the catalogue up; without the CSRF token nothing changes
        assertEquals(403, b.post("/dashboard/dashboard/course:mycourses/hide", Map.of()).statusCode());
        String csrf = Browser.csrf(dash);
        assertEquals(303, b.post("/dashboard/dashboard/course:mycourses/hide", Map.of("_csrf", csrf)).statusCode());
        assertEquals(303, b.post("/dashboard/dashboard/course:catalogue/up", Map.of("_csrf", csrf)).statusCode());
        assertEquals(303, b.post("/dashboard/dashboard/course:catalogue/up", Map.of("_csrf", csrf)).statusCode());
        dash = b.get("/dashboard");
        assertFalse(dash.body().contains("data-block=\"course:mycourses\""), "hidden");
        assertEquals(303, b.post("/dashboard/dashboard/course:mycourses/show", Map.of("_csrf", csrf)).statusCode());
        dash = b.get("/dashboard");
        assertTrue(dash.body().indexOf("data-block=\"course:catalogue\"") < dash.body().indexOf("data-block=\"course:mycourses\""), "moved up, and kept");
        assertEquals(404, b.post("/dashboard/dashboard/nope/up", Map.of("_csrf", csrf)).statusCode());

        // the site home: this user hides the catalogue there; guests still see it
        Client api = data.client(trainee);
        HttpResponse<String> put = api.put("/api/dashboard/home", "{\"order\":[\"course:catalogue\"],\"hidden\":[\"course:catalogue\"]}");
        assertEquals(200, put.statusCode(), put.body());
        assertFalse(b.get("/").body().contains("data-block=\"course:catalogue\""));
        assertTrue(somep.get("/").body().contains("data-block=\"course:catalogue\""));
        assertEquals(422, api.put("/api/dashboard/home", "{\"order\":[\"../../etc\"]}").statusCode());
        assertEquals(404, api.get("/api/dashboard/elsewhere").statusCode());

        // a plugin whose block throws: the pages still answer, with the other blocks
        var ready = somep.nextPluginState("enabled", "badblock");
        somep.deploy(TestPlugins.build(somep.home().resolve("build"), "badblock", "1.0.0", Map.of("SOMEP-Api", "[1.1,2)")), "badblock.jar");
        TestSomep.await(ready);
        dash = b.get("/dashboard");
        assertEquals(200, dash.statusCode());
        assertTrue(dash.body().contains("data-block=\"course:catalogue\"") && !dash.body().contains("data-block=\"badblock:boom\""));
        HttpResponse<String> home = somep.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("data-block=\"course:catalogue\""));
    }
}
