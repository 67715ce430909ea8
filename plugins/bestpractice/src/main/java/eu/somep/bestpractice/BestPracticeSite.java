package eu.somep.bestpractice;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.View;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
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

    @Activate
    public BestPracticeSite(@Reference BestPracticeApi api) {
        this.api = api;
        this.s = api.s;
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
                .with("canCurate", s.canCurate());
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
        return View.of("bestpractice/case.ftlh").with("c", c).with("related", related).with("canCurate", curate)
                .with("history", curate ? s.history(id) : List.of());
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
}
