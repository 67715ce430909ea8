package eu.somep.core.routes;

import com.fasterxml.jackson.databind.JsonNode;
import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.Current;
import eu.somep.core.settings.SettingsDescription;
import eu.somep.core.settings.SettingsValidator;
import eu.somep.core.web.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin's settings as JSON: {@code GET} gives the description and the values, {@code PUT} changes some of them
 * (a JSON object of key to value, or a URL-encoded form, which is what {@code bin/somep plugin settings} sends).
 * A refused change answers 422 problem+json with {@code errors}, one text per field, and changes nothing.
 */
@Path("api/admin/plugins/{component}/settings")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class PluginSettingsApi {
    private final SettingsModel model;
    private final AuditLog audit;

    public PluginSettingsApi(SettingsModel model, AuditLog audit) {
        this.model = model;
        this.audit = audit;
    }

    @GET
    public Map<String, Object> get(@PathParam("component") String component) {
        SettingsDescription d = model.description(component);
        return body(component, d, Map.of());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putJson(@PathParam("component") String component, JsonNode json) {
        if (json == null || !json.isObject()) throw Problem.badRequest(model.msg("kernel.settings.notobject"));
        Map<String, String> input = new LinkedHashMap<>();
        var it = json.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) throw Problem.badRequest(model.msg("kernel.settings.notscalar", e.getKey()));
            input.put(e.getKey(), v.asText());
        }
        return put(component, input);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response putForm(@PathParam("component") String component, MultivaluedMap<String, String> form) {
        Map<String, String> input = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty()) input.put(k, v.get(v.size() - 1));
        });
        return put(component, input);
    }

    private Response put(String component, Map<String, String> input) {
        SettingsDescription d = model.description(component);
        SettingsValidator.Result r = model.settings().update(component, d, input);
        if (!r.ok()) {
            Map<String, String> errors = model.errors(r.errors());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Invalid settings");
            problem.put("status", 422);
            problem.put("detail", model.msg("kernel.settings.invalid", String.join(", ", errors.keySet())));
            problem.put("instance", Current.get().request().getRequestURI());
            problem.put("errors", errors);
            return Response.status(422).type(Problems.PROBLEM_JSON).entity(problem).build();
        }
        audit.record("plugin/settings", component, String.join(", ", r.values().keySet()) + " via the API");
        return Response.ok(body(component, d, Map.of())).build();
    }

    private Map<String, Object> body(String component, SettingsDescription d, Map<String, String> errors) {
        Map<String, String> values = model.settings().values(component, d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("component", component);
        out.put("name", model.plugin(component).name());
        var fields = model.fields(component, d, values, errors, true);
        Map<String, Object> flat = new LinkedHashMap<>();
        for (var f : fields) if (!"password".equals(f.get("type"))) flat.put((String) f.get("key"), f.get("value"));
        out.put("values", flat);
        out.put("fields", fields);
        return out;
    }
}
