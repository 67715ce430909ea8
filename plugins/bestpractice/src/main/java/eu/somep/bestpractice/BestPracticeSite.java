package eu.somep.bestpractice;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.Uploads;
import eu.somep.api.web.View;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The viewer's pages under {@code /bestpractice}; they read through {@link BestPracticeApi}, so pages and API check the same. */
@Component(service = WebResource.class)
@Path("bestpractice")
@Produces(MediaType.TEXT_HTML)
public class BestPracticeSite implements WebResource {
    private final BestPracticeApi api;
    private final BestPracticeService s;
    private final Uploads uploads;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Activate
    public BestPracticeSite(@Reference BestPracticeApi api, @Reference Uploads uploads) {
        this.api = api;
        this.s = api.s;
        this.uploads = uploads;
    }

    private static String v(String x) {
        return x == null ? "" : x;
    }

    @GET
    @ContextCapability(BestPracticeService.VIEW)
    public View index(@QueryParam("category") String category, @QueryParam("country") String country, @QueryParam("platform") String platform,
                      @QueryParam("year") String year, @QueryParam("composite") String composite, @QueryParam("q") String q,
                      @QueryParam("sort") String sort, @QueryParam("view") String view) {
        List<Views.CaseView> cases = api.cases(category, country, platform, year, composite, q, sort);
        List<Views.CaseView> all = api.cases(null, null, null, null, null, null, null);
        TreeMap<String, String> countries = new TreeMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Views.CaseView c : all) {
            countries.put(c.country(), c.countryName());
            for (int y = c.yearFrom(); y <= c.yearTo(); y++) years.add(y);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("category", v(category));
        f.put("country", v(country).toUpperCase(java.util.Locale.ROOT));
        f.put("platform", v(platform));
        f.put("year", v(year));
        f.put("composite", v(composite));
        f.put("q", v(q));
        f.put("sort", v(sort));
        return View.of("bestpractice/index.ftlh").with("cases", cases).with("total", all.size()).with("categories", s.categories())
                .with("countries", countries).with("years", new ArrayList<>(years)).with("f", f).with("table", "table".equals(view))
                .with("canCurate", s.canCurate()).with("canPropose", s.canPropose());
    }

    @GET
    @Path("category/{key}")
    @ContextCapability(BestPracticeService.VIEW)
    public View category(@PathParam("key") String key) {
        s.requireView();
        if (!BestPracticeService.CATEGORIES.contains(key)) throw Problem.notFound(s.messages.get("bestpractice.error.nocategory"));
        List<Views.CaseView> cases = api.cases(key, null, null, null, null, null, "year");
        return View.of("bestpractice/category.ftlh").with("category", s.category(key, cases.size())).with("cases", cases);
    }

    @GET
    @Path("case/{id}")
    @ContextCapability(BestPracticeService.VIEW)
    public View oneCase(@PathParam("id") long id) {
        Views.CaseView c = api.one(id);
        List<Views.CaseView> related = new ArrayList<>();
        for (Views.CaseView o : api.cases(null, null, null, null, null, null, "year")) {
            if (o.id() != c.id() && (o.category().equals(c.category()) || o.country().equals(c.country()))) related.add(o);
        }
        boolean curate = s.canCurate();
        CaseDiscussions forum = api.discussions;
        // no forum: no discussion links at all (the model says so with null)
        Views.Discussion discussion = forum == null || !"published".equals(c.status()) ? null : new Views.Discussion(forum.find(c).orElse(null), forum.canStart());
        return View.of("bestpractice/case.ftlh").with("c", c).with("related", related).with("canCurate", curate)
                .with("history", curate ? s.history(id) : List.of()).with("discussion", discussion);
    }

    /** "Discuss this case": opens the case's forum discussion, starting it on the first click. */
    @POST
    @Path("case/{id}/discuss")
    @ContextCapability(BestPracticeService.VIEW)
    public Response discuss(@PathParam("id") long id) {
        return to(api.discuss(id).link());
    }

    private Map<String, Long> byCountry() {
        Map<String, Long> counts = new TreeMap<>();
        for (Views.CaseView c : api.cases(null, null, null, null, null, null, null)) counts.merge(c.country(), 1L, Long::sum);
        return counts;
    }

    @GET
    @Path("map")
    @ContextCapability(BestPracticeService.VIEW)
    public View map() {
        s.requireView();
        Map<String, Long> counts = byCountry();
        return View.of("bestpractice/map.ftlh").with("tiles", Charts.tiles(counts, s::countryName)).with("legend", Charts.legend(counts));
    }

    @GET
    @Path("charts")
    @ContextCapability(BestPracticeService.VIEW)
    public View charts() {
        List<Views.CaseView> all = api.cases(null, null, null, null, null, null, null);
        Map<String, String> catLabels = new LinkedHashMap<>();
        for (String k : BestPracticeService.CATEGORIES) catLabels.put(k, s.categoryName(k));
        Map<String, Long> perCat = new TreeMap<>();
        Map<String, Long> perYear = new TreeMap<>();
        for (Views.CaseView c : all) {
            perCat.merge(c.category(), 1L, Long::sum);
            perYear.merge(Integer.toString(c.yearFrom()), 1L, Long::sum);
        }
        Map<String, String> yearLabels = new LinkedHashMap<>();
        if (!perYear.isEmpty()) {
            int first = Integer.parseInt(((TreeMap<String, Long>) perYear).firstKey()), last = Integer.parseInt(((TreeMap<String, Long>) perYear).lastKey());
            for (int y = first; y <= last; y++) yearLabels.put(Integer.toString(y), Integer.toString(y));
        }
        return View.of("bestpractice/charts.ftlh").with("categories", Charts.bars(catLabels, perCat)).with("years", Charts.bars(yearLabels, perYear))
                .with("total", all.size());
    }

    @GET
    @Path("compare")
    @ContextCapability(BestPracticeService.VIEW)
    public View compare(@QueryParam("c") List<String> countries) {
        s.requireView();
        Map<String, Long> counts = byCountry();
        Map<String, String> names = new TreeMap<>();
        counts.keySet().forEach(k -> names.put(k, s.countryName(k)));
        Views.Comparison cmp = countries == null || countries.isEmpty() ? null : api.compare(countries);
        return View.of("bestpractice/compare.ftlh").with("countries", names).with("cmp", cmp)
                .with("chosen", cmp == null ? List.of() : cmp.countries());
    }

    // ---- curation pages: they call the API's methods, so the checks and messages are the API's

    private static final List<String> FIELDS = List.of("country", "organisation", "year", "platforms", "category", "summary", "outcome", "sources");

    private Map<String, Object> formOf(MultivaluedMap<String, String> f) {
        Map<String, Object> m = new HashMap<>();
        for (String k : FIELDS) m.put(k, v(f.getFirst(k)));
        m.put("composite", f.containsKey("composite"));
        return m;
    }

    private static BestPracticeApi.CaseInput input(MultivaluedMap<String, String> f) {
        List<String> sources = Arrays.stream(v(f.getFirst("sources")).split("\\r?\\n")).filter(x -> !x.isBlank()).toList();
        return new BestPracticeApi.CaseInput(f.getFirst("country"), f.getFirst("organisation"), f.getFirst("year"), f.getFirst("platforms"),
                f.getFirst("category"), f.getFirst("summary"), f.getFirst("outcome"), sources, f.containsKey("composite"));
    }

    /** The case form: mode is "new", "edit" or "propose". */
    private View form(String mode, long id, Map<String, Object> form, String error) {
        String action = switch (mode) {
            case "edit" -> "/bestpractice/case/" + id + "/edit";
            case "propose" -> "/bestpractice/propose";
            default -> "/bestpractice/new";
        };
        return View.of("bestpractice/form.ftlh").with("mode", mode).with("id", id).with("action", action).with("form", form)
                .with("categories", s.categories()).with("error", error == null ? "" : error);
    }

    private Response again(Problem p, String mode, long id, MultivaluedMap<String, String> f) {
        if (p.status() == 401 || p.status() == 403 || p.status() == 404) throw p;
        return Response.status(p.status()).entity(form(mode, id, formOf(f), p.getMessage())).build();
    }

    private static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    @GET
    @Path("new")
    @RequiresCapability(BestPracticeService.CURATE)
    public View newCase() {
        Map<String, Object> m = new HashMap<>();
        for (String k : FIELDS) m.put(k, "");
        m.put("composite", false);
        return form("new", 0, m, "");
    }

    @POST
    @Path("new")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response create(MultivaluedMap<String, String> f) {
        try {
            Views.CaseView c = (Views.CaseView) api.create(input(f)).getEntity();
            return to("/bestpractice/case/" + c.id());
        } catch (Problem p) {
            return again(p, "new", 0, f);
        }
    }

    @GET
    @Path("case/{id}/edit")
    @RequiresCapability(BestPracticeService.CURATE)
    public View edit(@PathParam("id") long id) {
        Views.CaseView c = api.one(id);
        Map<String, Object> m = new HashMap<>();
        m.put("country", c.country());
        m.put("organisation", c.organisation());
        m.put("year", c.year());
        m.put("platforms", c.platforms());
        m.put("category", c.category());
        m.put("summary", c.summary());
        m.put("outcome", c.outcome());
        m.put("sources", String.join("\n", c.sources()));
        m.put("composite", c.composite());
        return form("edit", id, m, "");
    }

    @POST
    @Path("case/{id}/edit")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            api.update(id, input(f));
            return to("/bestpractice/case/" + id);
        } catch (Problem p) {
            return again(p, "edit", id, f);
        }
    }

    @POST
    @Path("case/{id}/retire")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response retire(@PathParam("id") long id) {
        api.retire(id);
        return to("/bestpractice/case/" + id);
    }

    @POST
    @Path("case/{id}/restore")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response restore(@PathParam("id") long id) {
        api.restore(id);
        return to("/bestpractice/case/" + id);
    }

    // ---- import: a pasted text or a file, as either export writes it (a JSON array, or CSV with a header row)

    private View importPage(String json, Views.ImportReport report, String error) {
        return View.of("bestpractice/import.ftlh").with("json", json == null ? "" : json).with("report", report).with("error", error == null ? "" : error);
    }

    @GET
    @Path("import")
    @RequiresCapability(BestPracticeService.CURATE)
    public View importForm() {
        return importPage("", null, "");
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresCapability(BestPracticeService.CURATE)
    public Response importCases() {
        String text = uploads.field("json").orElse("");
        try {
            List<Uploads.File> files = uploads.files("file");
            if (!files.isEmpty() && files.get(0).size() > 0) {
                try (InputStream in = files.get(0).open()) {
                    text = new String(in.readNBytes(16 << 20), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw Problem.badRequest(s.messages.get("bestpractice.error.importformat"));
                }
            }
            Views.ImportReport r;
            if (text.strip().startsWith("[")) {
                List<Map<String, Object>> rows;
                try {
                    rows = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
                } catch (IOException | RuntimeException e) {
                    throw Problem.badRequest(s.messages.get("bestpractice.error.importformat"));
                }
                r = api.importCases(rows);
            } else {
                r = api.importCsv(text); // anything but a JSON array is read as CSV, whose errors say what is wrong
            }
            return Response.ok(importPage("", r, "")).build();
        } catch (Problem p) {
            if (p.status() == 401 || p.status() == 403) throw p;
            return Response.status(p.status()).entity(importPage(uploads.field("json").orElse(""), null, p.getMessage())).build();
        }
    }

    // ---- proposals: members propose through a form, curators review them with the retired cases

    @GET
    @Path("propose")
    @RequiresCapability(BestPracticeService.PROPOSE)
    public View proposeForm(@QueryParam("sent") String sent) {
        Map<String, Object> m = new HashMap<>();
        for (String k : FIELDS) m.put(k, "");
        m.put("composite", false);
        return form("propose", 0, m, "").with("sent", sent != null);
    }

    @POST
    @Path("propose")
    @RequiresCapability(BestPracticeService.PROPOSE)
    public Response propose(MultivaluedMap<String, String> f) {
        try {
            api.propose(input(f));
            return to("/bestpractice/propose?sent=1");
        } catch (Problem p) {
            return again(p, "propose", 0, f);
        }
    }

    @GET
    @Path("review")
    @RequiresCapability(BestPracticeService.CURATE)
    public View review() {
        return View.of("bestpractice/review.ftlh").with("proposals", api.proposals()).with("retired", api.retired());
    }

    @POST
    @Path("proposals/{id}/publish")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response publish(@PathParam("id") long id) {
        api.publish(id);
        return to("/bestpractice/review");
    }

    @POST
    @Path("proposals/{id}/reject")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response reject(@PathParam("id") long id) {
        api.reject(id);
        return to("/bestpractice/review");
    }
}
