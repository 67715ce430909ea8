package eu.somep.core.routes;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.core.security.Current;
import eu.somep.core.security.Registration;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The pages for creating an account and for a forgotten password. Links in mails open a page with a button:
 * GET never changes anything (mail scanners that follow links confirm nothing).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class RegistrationPages {
    private final Registration registration;

    public RegistrationPages(Registration registration) {
        this.registration = registration;
    }

    @GET
    @Path("register")
    @PublicAccess
    public Response form() {
        if ("off".equals(registration.mode())) return notice(403, "kernel.register.closed", "danger");
        return Response.ok(registerView(new Registration.Request("", "", "", null, null), List.of())).build();
    }

    @POST
    @Path("register")
    @PublicAccess
    public Response register(@FormParam("username") String username, @FormParam("email") String email, @FormParam("displayName") String displayName,
                             @FormParam("password") String password, @FormParam("confirm") String confirm) {
        if ("off".equals(registration.mode())) return notice(403, "kernel.register.closed", "danger");
        Registration.Request r = new Registration.Request(username, email, displayName, password, confirm == null ? "" : confirm);
        List<String> problems = registration.problems(r);
        if (!problems.isEmpty()) return Response.status(400).entity(registerView(r, problems)).build();
        registration.register(r, Current.get().locale(), address());
        return notice(200, "kernel.register.sent", "success");
    }

    @GET
    @Path("register/confirm")
    @PublicAccess
    public Response confirmPage(@QueryParam("token") String token) {
        if (!registration.confirmable(token)) return notice(400, "kernel.register.invalid", "danger");
        return Response.ok(View.of("kernel/confirm.ftlh").with("token", token).with("action", "/register/confirm")
                .with("title", "kernel.register.confirm.title").with("button", "kernel.register.confirm.button").with("password", false)
                .with("problems", List.of())).build();
    }

    @POST
    @Path("register/confirm")
    @PublicAccess
    public Response confirm(@FormParam("token") String token) {
        return registration.confirm(token)
                .map(state -> notice(200, "pending".equals(state) ? "kernel.register.pending" : "kernel.register.confirmed", "success"))
                .orElseGet(() -> notice(400, "kernel.register.invalid", "danger"));
    }

    @GET
    @Path("password/forgot")
    @PublicAccess
    public View forgotForm() {
        return View.of("kernel/forgot.ftlh");
    }

    @POST
    @Path("password/forgot")
    @PublicAccess
    public Response forgot(@FormParam("login") String login) {
        registration.forgot(login, Current.get().locale(), address());
        return notice(200, "kernel.reset.sent", "success");
    }

    @GET
    @Path("password/reset")
    @PublicAccess
    public Response resetPage(@QueryParam("token") String token) {
        if (!registration.resettable(token)) return notice(400, "kernel.reset.invalid", "danger");
        return Response.ok(resetView(token, List.of())).build();
    }

    @POST
    @Path("password/reset")
    @PublicAccess
    public Response reset(@FormParam("token") String token, @FormParam("password") String password, @FormParam("confirm") String confirm) {
        String problem = registration.reset(token, password, confirm == null ? "" : confirm);
        if (problem == null) return notice(200, "kernel.reset.done", "success");
        if ("kernel.reset.invalid".equals(problem)) return notice(400, problem, "danger");
        return Response.status(400).entity(resetView(token, List.of(problem))).build();
    }

    private static View resetView(String token, List<String> problems) {
        return View.of("kernel/confirm.ftlh").with("token", token).with("action", "/password/reset").with("title", "kernel.reset.title")
                .with("button", "kernel.reset.button").with("password", true).with("problems", problems);
    }

    private View registerView(Registration.Request r, List<String> problems) {
        return View.of("kernel/register.ftlh").with("form", r).with("problems", problems).with("approval", "approval".equals(registration.mode()));
    }

    static Response notice(int status, String key, String kind) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(View.of("kernel/notice.ftlh").with("message", key).with("kind", kind)).build();
    }

    private static String address() {
        var req = Current.get().request();
        return req == null ? null : req.getRemoteAddr();
    }
}
