package eu.somep.testplugins.drill;

import eu.somep.api.security.UserContext;
import eu.somep.api.web.PublicAccess;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.CourseTracker;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The drill's routes: its question, answering it (a grade out of 100), and the log of calls the course plugin made. */
@Component(service = WebResource.class)
@Path("drill")
public class DrillResource implements WebResource {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private final CourseTracker tracker;
    private final UserContext user;

    @Activate
    public DrillResource(@Reference CourseTracker tracker, @Reference UserContext user) {
        this.tracker = tracker;
        this.user = user;
    }

    @GET
    @Path("log")
    @PublicAccess
    @Produces("text/plain")
    public String log() {
        return String.join("\n", DrillType.LOG);
    }

    @GET
    @Path("{instanceId}")
    @PublicAccess // checked against the course below
    @Produces("text/plain")
    public Response question(@PathParam("instanceId") long instanceId) {
        ActivityInstance a = tracker.activity("drill", instanceId).filter(x -> tracker.canView(x.activityId())).orElse(null);
        if (a == null) return Response.status(404).build();
        return Response.ok(DrillType.QUESTIONS.getOrDefault(instanceId, "")).build();
    }

    @POST
    @Path("{instanceId}/answer")
    @PublicAccess // signed-in participants; checked below
    @Consumes({"application/json", "text/plain"})
    @Produces("text/plain")
    public Response answer(@PathParam("instanceId") long instanceId, String body) {
        Long me = user.userId().orElse(null);
        if (me == null) return Response.status(401).build();
        ActivityInstance a = tracker.activity("drill", instanceId).filter(x -> tracker.canView(x.activityId())).orElse(null);
        if (a == null) return Response.status(404).build();
        Matcher m = NUMBER.matcher(body == null ? "" : body);
        if (!m.find()) return Response.status(400).entity("send a grade").build();
        double grade = Double.parseDouble(m.group());
        tracker.graded(a.activityId(), me, grade, 100);
        if (grade >= 50) tracker.completed(a.activityId(), me, "passed");
        return Response.ok("graded " + grade).build();
    }
}
