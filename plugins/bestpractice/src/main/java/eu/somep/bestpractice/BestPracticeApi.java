package eu.somep.bestpractice;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.bestpractice.internal.BestPracticeStore;
import eu.somep.bestpractice.internal.PracticeCase;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The best-practice REST API under {@code /api/bestpractice}; the pages call the same methods. */
@Component(service = {WebResource.class, BestPracticeApi.class})
@Path("api/bestpractice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BestPracticeApi implements WebResource {
    final BestPracticeService s;

    /** The forum bridge: there only while the forum plugin runs (an optional dependency). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CaseDiscussions discussions;

    @Activate
    public BestPracticeApi(@Reference BestPracticeService s) {
        this.s = s;
    }

    /** A case as curators send it; {@code sources}: at least one. */
    public record CaseInput(String country, String organisation, String year, String platforms, String category, String summary, String outcome,
                            List<String> sources, Boolean composite) {
    }

    // ---- reading

    @GET
    @Path("cases")
    @ContextCapability(BestPracticeService.VIEW) // site context; guests by default
    public List<Views.CaseView> cases(@QueryParam("category") String category, @QueryParam("country") String country, @QueryParam("platform") String platform,
                                      @QueryParam("year") String year, @QueryParam("composite") String composite, @QueryParam("q") String q,
                                      @QueryParam("sort") String sort) {
        s.requireView();
        return s.cases(s.filter(category, country, platform, year, composite, q, sort));
    }

    @GET
    @Path("cases/{id}")
    @ContextCapability(BestPracticeService.VIEW)
    public Views.CaseView one(@PathParam("id") long id) {
        return s.view(s.visible(id));
    }

    @GET
    @Path("categories")
    @ContextCapability(BestPracticeService.VIEW)
    public List<Views.CategoryView> categories() {
        s.requireView();
        return s.categories();
    }

    @GET
    @Path("compare")
    @ContextCapability(BestPracticeService.VIEW)
    public Views.Comparison compare(@QueryParam("c") List<String> countries) {
        s.requireView();
        return s.compare(countries);
    }

    // ---- discussion in the forum, when the forum plugin is there

    /** The forum bridge, or a 404 saying that there is no forum to discuss in. */
    CaseDiscussions forum() {
        CaseDiscussions d = discussions;
        if (d == null) throw Problem.notFound(s.messages.get("bestpractice.error.noforum"));
        return d;
    }

    @GET
    @Path("cases/{id}/discussion")
    @ContextCapability(BestPracticeService.VIEW)
    public Views.Discussion discussion(@PathParam("id") long id) {
        Views.CaseView c = one(id);
        CaseDiscussions d = forum();
        return new Views.Discussion(d.find(c).orElse(null), d.canStart());
    }

    /** Finds or starts the case's discussion: asking twice gives the same one. */
    @POST
    @Path("cases/{id}/discussion")
    @ContextCapability(BestPracticeService.VIEW)
    public Views.Discussion discuss(@PathParam("id") long id) {
        s.me();
        Views.CaseView c = one(id);
        CaseDiscussions d = forum();
        return new Views.Discussion(d.open(c), true);
    }

    // ---- curation

    /** Countries a case may name: ISO 3166-1 alpha-2 codes, and EU for the Union's bodies. */
    static final Set<String> COUNTRIES = countries();

    private static Set<String> countries() {
        Set<String> out = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        out.add("EU");
        return Set.copyOf(out);
    }

    PracticeCase check(CaseInput in, List<String> bad) {
        PracticeCase c = new PracticeCase();
        if (in == null) {
            bad.add(s.messages.get("bestpractice.error.empty"));
            return c;
        }
        String country = in.country() == null ? "" : in.country().trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) bad.add(s.messages.get("bestpractice.error.country", country));
        else if (!COUNTRIES.contains(country)) bad.add(s.messages.get("bestpractice.error.unknowncountry", country));
        if (in.organisation() == null || in.organisation().isBlank() || in.organisation().length() > 500) bad.add(s.messages.get("bestpractice.error.organisation"));
        String year = in.year() == null ? "" : in.year().trim();
        if (!year.matches("\\d{4}(-\\d{4})?") || (year.length() == 9 && year.substring(5).compareTo(year.substring(0, 4)) < 0))
            bad.add(s.messages.get("bestpractice.error.caseyear", year));
        if (in.category() == null || !BestPracticeService.CATEGORIES.contains(in.category().trim()))
            bad.add(s.messages.get("bestpractice.error.category", in.category() == null ? "" : in.category(), String.join(", ", BestPracticeService.CATEGORIES)));
        if (in.summary() == null || in.summary().isBlank() || in.summary().length() > 10000) bad.add(s.messages.get("bestpractice.error.summary"));
        if (in.outcome() != null && in.outcome().length() > 10000) bad.add(s.messages.get("bestpractice.error.outcome"));
        if (in.platforms() != null && in.platforms().length() > 500) bad.add(s.messages.get("bestpractice.error.platforms"));
        List<String> sources = in.sources() == null ? List.of() : in.sources().stream().filter(x -> x != null && !x.isBlank()).map(x -> x.trim().replaceAll("\\s+", " ")).toList();
        if (sources.isEmpty()) bad.add(s.messages.get("bestpractice.error.source"));
        else if (String.join("\n", sources).length() > 10000) bad.add(s.messages.get("bestpractice.error.sources"));
        if (!bad.isEmpty()) return c;
        c.country = country;
        c.organisation = in.organisation().trim();
        c.yearText = year;
        c.yearFrom = Integer.parseInt(year.substring(0, 4));
        c.yearTo = Integer.parseInt(year.length() == 9 ? year.substring(5) : year);
        c.platforms = in.platforms() == null ? "" : in.platforms().trim();
        c.category = in.category().trim();
        c.summary = in.summary().trim();
        c.outcome = in.outcome() == null ? "" : in.outcome().trim();
        c.sources = String.join("\n", sources);
        c.composite = Boolean.TRUE.equals(in.composite());
        return c;
    }

    private PracticeCase valid(CaseInput in) {
        List<String> bad = new ArrayList<>();
        PracticeCase c = check(in, bad);
        if (!bad.isEmpty()) throw BestPracticeService.invalid(String.join(" ", bad));
        return c;
    }

    @POST
    @Path("cases")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response create(CaseInput in) {
        PracticeCase c = valid(in);
        c.status = PracticeCase.PUBLISHED;
        return Response.status(201).entity(s.view(s.store.create(c, s.me()))).build();
    }

    @PUT
    @Path("cases/{id}")
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.CaseView update(@PathParam("id") long id, CaseInput in) {
        PracticeCase n = valid(in);
        return s.view(s.store.change(id, s.me(), c -> {
            c.country = n.country;
            c.organisation = n.organisation;
            c.yearText = n.yearText;
            c.yearFrom = n.yearFrom;
            c.yearTo = n.yearTo;
            c.platforms = n.platforms;
            c.category = n.category;
            c.summary = n.summary;
            c.outcome = n.outcome;
            c.sources = n.sources;
            c.composite = n.composite;
        }).orElseThrow(() -> Problem.notFound(s.messages.get("bestpractice.error.nocase"))));
    }

    private Views.CaseView status(long id, String from, String to) {
        PracticeCase c = s.store.find(id).orElseThrow(() -> Problem.notFound(s.messages.get("bestpractice.error.nocase")));
        if (from != null && !from.equals(c.status)) throw Problem.conflict(s.messages.get("bestpractice.error.status", c.status));
        return s.view(s.store.change(id, s.me(), x -> x.status = to).orElseThrow());
    }

    @POST
    @Path("cases/{id}/retire")
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.CaseView retire(@PathParam("id") long id) {
        return status(id, PracticeCase.PUBLISHED, PracticeCase.RETIRED);
    }

    @POST
    @Path("cases/{id}/restore")
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.CaseView restore(@PathParam("id") long id) {
        return status(id, PracticeCase.RETIRED, PracticeCase.PUBLISHED);
    }

    @GET
    @Path("cases/{id}/history")
    @RequiresCapability(BestPracticeService.CURATE)
    public List<Views.VersionView> history(@PathParam("id") long id) {
        s.store.find(id).orElseThrow(() -> Problem.notFound(s.messages.get("bestpractice.error.nocase")));
        return s.history(id);
    }

    @GET
    @Path("retired")
    @RequiresCapability(BestPracticeService.CURATE)
    public List<Views.CaseView> retired() {
        return s.store.find(PracticeCase.RETIRED, BestPracticeStore.Filter.none()).stream().map(s::view).toList();
    }

    // ---- export and import

    @GET
    @Path("export.json")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response exportJson() {
        List<CaseInput> out = s.store.find(PracticeCase.PUBLISHED, BestPracticeStore.Filter.none()).stream()
                .map(c -> new CaseInput(c.country, c.organisation, c.yearText, c.platforms, c.category, c.summary, c.outcome, BestPracticeService.lines(c.sources), c.composite))
                .toList();
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"bestpractice-cases.json\"").build();
    }

    static String csv(String v) {
        String x = v == null ? "" : v;
        if (!x.isEmpty() && "=+-@\t\r".indexOf(x.charAt(0)) >= 0) x = "'" + x; // no formulas when a spreadsheet opens it
        return "\"" + x.replace("\"", "\"\"") + "\"";
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response exportCsv() {
        StringBuilder b = new StringBuilder("id,country,organisation,year,platforms,category,summary,outcome,sources,composite\r\n");
        for (PracticeCase c : s.store.find(PracticeCase.PUBLISHED, BestPracticeStore.Filter.none())) {
            b.append(c.id).append(',').append(csv(c.country)).append(',').append(csv(c.organisation)).append(',').append(csv(c.yearText)).append(',')
                    .append(csv(c.platforms)).append(',').append(csv(c.category)).append(',').append(csv(c.summary)).append(',').append(csv(c.outcome)).append(',')
                    .append(csv(String.join(" | ", BestPracticeService.lines(c.sources)))).append(',').append(c.composite).append("\r\n");
        }
        return Response.ok(b.toString(), "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"bestpractice-cases.csv\"").build();
    }

    static String text(Object o) {
        return o == null ? null : o instanceof String x ? x : o instanceof Number || o instanceof Boolean ? o.toString() : null;
    }

    /** Imports an array of cases (the JSON export's format); each bad row is rejected with its reasons, the good ones are published. */
    @POST
    @Path("import")
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.ImportReport importCases(List<Map<String, Object>> rows) {
        if (rows == null) throw Problem.badRequest(s.messages.get("bestpractice.error.importformat"));
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> r : rows) out.add(new Row(r, new ArrayList<>()));
        return importRows(out);
    }

    /** Imports a CSV text with a header row (the CSV export's format; sources separated by " | "), with the same report. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.ImportReport importCsv(String text) {
        return importRows(CsvImport.rows(text, s.messages));
    }

    /** One row to import: its fields (null for an empty JSON row) and what is already known to be wrong with it. */
    record Row(Map<String, Object> fields, List<String> bad) {
    }

    Views.ImportReport importRows(List<Row> rows) {
        if (rows.size() > 5000) throw BestPracticeService.invalid(s.messages.get("bestpractice.error.importsize"));
        long me = s.me();
        List<Views.Rejected> rejected = new ArrayList<>();
        List<PracticeCase> good = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i).fields();
            List<String> bad = new ArrayList<>(rows.get(i).bad());
            if (r == null) {
                if (bad.isEmpty()) bad.add(s.messages.get("bestpractice.error.empty"));
                rejected.add(new Views.Rejected(i + 1, String.join(" ", bad)));
                continue;
            }
            Object src = r.get("sources");
            List<String> sources = src instanceof Collection<?> col ? col.stream().map(BestPracticeApi::text).filter(x -> x != null).toList()
                    : src instanceof String one ? List.of(one) : List.of();
            Object comp = r.get("composite");
            PracticeCase c = check(new CaseInput(text(r.get("country")), text(r.get("organisation")), text(r.get("year")), text(r.get("platforms")),
                    text(r.get("category")), text(r.get("summary")), text(r.get("outcome")), sources,
                    comp instanceof Boolean b ? b : "true".equals(text(comp))), bad);
            if (bad.isEmpty()) good.add(c);
            else rejected.add(new Views.Rejected(i + 1, String.join(" ", bad)));
        }
        List<Long> ids = new ArrayList<>();
        for (PracticeCase c : good) {
            c.status = PracticeCase.PUBLISHED;
            ids.add(s.store.create(c, me).id);
        }
        return new Views.ImportReport(ids.size(), ids, rejected);
    }

    // ---- proposals: members suggest, curators publish

    @POST
    @Path("proposals")
    @RequiresCapability(BestPracticeService.PROPOSE)
    public Response propose(CaseInput in) {
        PracticeCase c = valid(in);
        c.status = PracticeCase.PROPOSED;
        c.proposedBy = s.me();
        return Response.status(201).entity(s.view(s.store.create(c, c.proposedBy))).build();
    }

    @GET
    @Path("proposals")
    @RequiresCapability(BestPracticeService.CURATE)
    public List<Views.CaseView> proposals() {
        return s.store.find(PracticeCase.PROPOSED, BestPracticeStore.Filter.none()).stream().map(s::view).toList();
    }

    @POST
    @Path("proposals/{id}/publish")
    @RequiresCapability(BestPracticeService.CURATE)
    public Views.CaseView publish(@PathParam("id") long id) {
        return status(id, PracticeCase.PROPOSED, PracticeCase.PUBLISHED);
    }

    @POST
    @Path("proposals/{id}/reject")
    @RequiresCapability(BestPracticeService.CURATE)
    public Response reject(@PathParam("id") long id) {
        PracticeCase c = s.store.find(id).orElseThrow(() -> Problem.notFound(s.messages.get("bestpractice.error.nocase")));
        if (!PracticeCase.PROPOSED.equals(c.status)) throw Problem.conflict(s.messages.get("bestpractice.error.status", c.status));
        s.store.delete(id);
        return Response.noContent().build();
    }

}
