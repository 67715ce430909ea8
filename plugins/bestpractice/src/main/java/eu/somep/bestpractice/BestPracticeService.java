package eu.somep.bestpractice;

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.Problem;
import eu.somep.bestpractice.internal.BestPracticeStore;
import eu.somep.bestpractice.internal.CaseVersion;
import eu.somep.bestpractice.internal.PracticeCase;
import eu.somep.course.spi.CourseTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The viewer's rules, shared by its pages, API, block and activity type: filters, views, the map, charts, comparisons and curation. */
@Component(service = BestPracticeService.class)
public class BestPracticeService {
    public static final String VIEW = "bestpractice:view";
    public static final String PROPOSE = "bestpractice:propose";
    public static final String CURATE = "bestpractice:curate";

    /** The nine COMPOSITE categories, by key, in the report's order; names, meanings and lessons are messages. */
    public static final List<String> CATEGORIES = List.of("criminal-information", "having-a-voice", "push-information", "wisdom-of-the-crowd",
            "interaction", "community-policing", "human-side", "it-infrastructure", "efficient-policing");
    public static final List<String> SORTS = List.of("year", "country", "organisation");

    final BestPracticeStore store;
    final eu.somep.bestpractice.internal.BestPracticePersonalData personal;
    final AccessControl access;
    final UserContext user;
    final UserDirectory directory;
    final Messages messages;
    final CourseTracker courses;

    @Activate
    public BestPracticeService(@Reference Database db, @Reference AccessControl access, @Reference UserContext user, @Reference UserDirectory directory,
                               @Reference Messages messages, @Reference CourseTracker courses) {
        this.store = new BestPracticeStore(db);
        this.personal = new eu.somep.bestpractice.internal.BestPracticePersonalData(db);
        this.access = access;
        this.user = user;
        this.directory = directory;
        this.messages = messages;
        this.courses = courses;
    }

    void requireView() {
        access.require(VIEW, AccessControl.SITE);
    }

    boolean canCurate() {
        return user.userId().isPresent() && user.can(CURATE);
    }

    boolean canPropose() {
        return user.userId().isPresent() && user.can(PROPOSE);
    }

    long me() {
        return user.userId().orElseThrow(() -> new Problem(401, "Unauthorized", "Sign in first."));
    }

    static Problem invalid(String detail) {
        return new Problem(422, "Invalid input", detail);
    }

    // ---- filters

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Checks the filter values a user sent; a value that cannot match anything is a 422 that says what is accepted. */
    BestPracticeStore.Filter filter(String category, String country, String platform, String year, String composite, String q, String sort) {
        category = blank(category);
        if (category != null && !CATEGORIES.contains(category))
            throw invalid(messages.get("bestpractice.error.category", category, String.join(", ", CATEGORIES)));
        country = blank(country);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) throw invalid(messages.get("bestpractice.error.country", country));
        }
        Integer y = null;
        if (blank(year) != null) {
            if (!year.trim().matches("\\d{4}")) throw invalid(messages.get("bestpractice.error.year", year.trim()));
            y = Integer.valueOf(year.trim());
        }
        Boolean comp = null;
        if (blank(composite) != null) {
            switch (composite.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> comp = true;
                case "false", "no", "0" -> comp = false;
                default -> throw invalid(messages.get("bestpractice.error.composite", composite.trim()));
            }
        }
        sort = blank(sort);
        if (sort != null && !SORTS.contains(sort)) throw invalid(messages.get("bestpractice.error.sort", sort, String.join(", ", SORTS)));
        platform = blank(platform);
        q = blank(q);
        if ((q != null && q.length() > 200) || (platform != null && platform.length() > 100)) throw invalid(messages.get("bestpractice.error.long"));
        return new BestPracticeStore.Filter(category, country, platform, y, comp, q, sort);
    }

    List<Views.CaseView> cases(BestPracticeStore.Filter f) {
        return store.find(PracticeCase.PUBLISHED, f).stream().map(this::view).toList();
    }

    /** A case the caller may see: published ones for readers; retired and proposed ones for curators only (404 otherwise). */
    PracticeCase visible(long id) {
        requireView();
        PracticeCase c = store.find(id).orElseThrow(() -> Problem.notFound(messages.get("bestpractice.error.nocase")));
        if (!PracticeCase.PUBLISHED.equals(c.status) && !canCurate()) throw Problem.notFound(messages.get("bestpractice.error.nocase"));
        return c;
    }

    // ---- views

    String categoryName(String key) {
        return CATEGORIES.contains(key) ? messages.get("bestpractice.cat." + key + ".name") : key;
    }

    String countryName(String code) {
        return countryName(code, messages.locale());
    }

    String countryName(String code, Locale l) {
        if ("EU".equals(code)) return messages.get(l, "bestpractice.country.eu");
        String n = new Locale("", code).getDisplayCountry(l);
        return n == null || n.isBlank() ? code : n;
    }

    static List<String> lines(String s) {
        return Arrays.stream(s.split("\n")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    Views.CaseView view(PracticeCase c) {
        return new Views.CaseView(c.id, c.country, countryName(c.country), c.organisation, c.yearText, c.yearFrom, c.yearTo, c.platforms, c.category,
                categoryName(c.category), c.summary, c.outcome, lines(c.sources), c.composite, c.status, c.version, c.modifiedAt);
    }

    List<Views.CategoryView> categories() {
        Map<String, Long> counts = new TreeMap<>();
        for (PracticeCase c : store.find(PracticeCase.PUBLISHED, BestPracticeStore.Filter.none())) counts.merge(c.category, 1L, Long::sum);
        return CATEGORIES.stream().map(k -> category(k, counts.getOrDefault(k, 0L))).toList();
    }

    Views.CategoryView category(String key, long count) {
        return new Views.CategoryView(key, categoryName(key), messages.get("bestpractice.cat." + key + ".description"),
                messages.get("bestpractice.cat." + key + ".lessons"), count);
    }

    Views.Comparison compare(List<String> codes) {
        List<String> cs = new ArrayList<>();
        for (String c : codes == null ? List.<String>of() : codes) {
            for (String part : c.split(",")) {
                String code = part.trim().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) continue;
                if (!code.matches("[A-Z]{2}")) throw invalid(messages.get("bestpractice.error.country", code));
                if (!cs.contains(code)) cs.add(code);
            }
        }
        if (cs.isEmpty() || cs.size() > 8) throw invalid(messages.get("bestpractice.error.compare"));
        List<PracticeCase> all = store.find(PracticeCase.PUBLISHED, BestPracticeStore.Filter.none());
        List<Views.CompareRow> rows = new ArrayList<>();
        long[] totals = new long[cs.size()];
        for (String cat : CATEGORIES) {
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                String code = cs.get(i);
                long n = all.stream().filter(c -> c.category.equals(cat) && c.country.equals(code)).count();
                counts.add(n);
                totals[i] += n;
            }
            rows.add(new Views.CompareRow(cat, categoryName(cat), counts));
        }
        return new Views.Comparison(cs, cs.stream().map(this::countryName).toList(), rows, Arrays.stream(totals).boxed().toList());
    }

    Optional<Views.CaseView> featured() {
        List<PracticeCase> composite = store.find(PracticeCase.PUBLISHED, new BestPracticeStore.Filter(null, null, null, null, true, null, null));
        if (composite.isEmpty()) return Optional.empty();
        // a different case each day, the same for everyone on that day
        int day = (int) (System.currentTimeMillis() / 86_400_000L);
        return Optional.of(view(composite.get(Math.floorMod(day, composite.size()))));
    }

    List<Views.VersionView> history(long id) {
        Map<Long, String> names = new LinkedHashMap<>();
        List<CaseVersion> vs = store.history(id);
        List<Long> ids = vs.stream().map(v -> v.modifiedBy).filter(x -> x != null).distinct().toList();
        directory.byIds(ids).forEach(p -> names.put(p.id(), p.displayName()));
        return vs.stream().map(v -> new Views.VersionView(v.version, v.organisation, v.yearText, v.category, v.summary, v.outcome, lines(v.sources),
                v.status, v.modifiedAt, v.modifiedBy == null ? "SOMEP" : names.getOrDefault(v.modifiedBy, "?"))).toList();
    }
}
