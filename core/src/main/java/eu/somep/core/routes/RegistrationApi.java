package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.security.Current;
import eu.somep.core.security.Registration;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Registration and password reset for API clients; the same rules and answers as the pages. */
@Path("api/account")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationApi {
    private final Registration registration;
    private final MessageCatalog messages;

    public RegistrationApi(Registration registration, MessageCatalog messages) {
        this.registration = registration;
        this.messages = messages;
    }

    public record NewAccount(String username, String email, String displayName, String password) {
    }

    public record Token(String token) {
    }

    public record Forgot(String login) {
    }

    public record Reset(String token, String password) {
    }

    @POST
    @Path("register")
    @PublicAccess
    public Response register(NewAccount n) {
        if ("off".equals(registration.mode())) throw new Problem(403, "Registration closed", messages.get(Current.get().locale(), "kernel.register.closed"));
        if (n == null) throw Problem.badRequest("Send a JSON object with username, email, displayName and password.");
        Registration.Request r = new Registration.Request(n.username(), n.email(), n.displayName(), n.password(), null);
        List<String> problems = registration.problems(r);
        if (!problems.isEmpty()) throw new Problem(422, "Invalid registration", text(problems));
        registration.register(r, Current.get().locale(), Current.get().request().getRemoteAddr());
        return Response.status(202).entity(Map.of("detail", messages.get(Current.get().locale(), "kernel.register.sent"))).build();
    }

    @POST
    @Path("confirm")
    @PublicAccess
    public Map<String, String> confirm(Token t) {
        String state = registration.confirm(t == null ? null : t.token())
                .orElseThrow(() -> Problem.badRequest(messages.get(Current.get().locale(), "kernel.register.invalid")));
        return Map.of("status", state);
    }

    @POST
    @Path("password/forgot")
    @PublicAccess
    public Response forgot(Forgot f) {
        registration.forgot(f == null ? null : f.login(), Current.get().locale(), Current.get().request().getRemoteAddr());
        return Response.status(202).entity(Map.of("detail", messages.get(Current.get().locale(), "kernel.reset.sent"))).build();
    }

    @POST
    @Path("password/reset")
    @PublicAccess
    public Response reset(Reset r) {
        if (r == null) throw Problem.badRequest("Send a JSON object with token and password.");
        String problem = registration.reset(r.token(), r.password(), null);
        if (problem != null) throw Problem.badRequest(messages.get(Current.get().locale(), problem));
        return Response.noContent().build();
    }

    private String text(List<String> keys) {
        return String.join(" ", keys.stream().map(k -> messages.get(Current.get().locale(), k)).toList());
    }
}
