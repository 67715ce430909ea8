package eu.somep.course;

import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.course.internal.Activity;
import eu.somep.course.internal.Category;
import eu.somep.course.internal.Course;
import eu.somep.course.internal.CourseInput;
import eu.somep.course.internal.Section;
import eu.somep.course.internal.Views;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The course REST API under {@code /api/course}; the pages call the same methods, so both check the same things. */
@Component(service = {WebResource.class, CourseApi.class})
@Path("api/course")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CourseApi implements WebResource {
    public static final List<String> COURSE_ROLES = List.of("trainee", "trainer");
    final CourseService s;

    @Activate
    public CourseApi(@Reference CourseService s) {
        this.s = s;
    }

    public record NewCategory(String name, String description) {
    }

    /** Dates are {@code YYYY-MM-DD} strings, parsed here so that a bad one is a 422 naming the format, not a 400 about JSON. */
    public record CourseData(Long categoryId, String fullname, String shortname, String summary, String lang, Boolean visible,
                             String startDate, String endDate, Boolean selfEnrol, String enrolKey) {
    }

    public record SectionData(String title, String summary, Integer position) {
    }

    public record ActivityData(Long sectionId, String type, String name, Boolean tracked, Boolean hidden, Integer position, Map<String, String> settings) {
    }

    public record Enrolment(String username, String role) {
    }

    public record Key(String key) {
    }

    public record CourseDetail(Views.CourseView course, boolean participant, boolean canEdit, List<Views.SectionView> sections, int progress) {
    }

    public record ImportLine(int line, String username, String result) {
    }

    // ---- categories

    @GET
    @Path("categories")
    @PublicAccess
    public List<Views.CategoryView> categories() {
        return s.store.categories().stream().map(Views.CategoryView::of).toList();
    }

    @POST
    @Path("categories")
    @RequiresCapability(CourseService.CREATE)
    public Response createCategory(NewCategory n) {
        if (n == null || n.name() == null || n.name().isBlank() || n.name().length() > 255) throw invalid(List.of("course.error.category.name"));
        Category c = s.store.createCategory(n.name().trim(), n.description());
        s.categoryContext(c.id);
        return Response.status(201).entity(Views.CategoryView.of(c)).build();
    }

    // ---- courses

    @GET
    @Path("courses")
    @PublicAccess
    public List<Views.CourseView> courses() {
        return s.store.courses().stream().filter(s::canSee).map(Views.CourseView::of).toList();
    }

    @POST
    @Path("courses")
    @ContextCapability(CourseService.CREATE)
    public Response createCourse(CourseData d) {
        if (d == null || d.categoryId() == null) throw invalid(List.of("course.error.category"));
        Category cat = s.category(d.categoryId());
        s.access.require(CourseService.CREATE, s.categoryContext(cat.id));
        CourseInput in = input(d, null);
        Course c = s.store.saveCourse(null, in);
        s.courseContext(c);
        s.store.addSection(c.id, s.messages.get("course.section.general"), "");
        teach(c.id);
        return Response.status(201).entity(Views.CourseView.of(c)).build();
    }

    CourseInput input(CourseData d, Course existing) {
        List<String> problems = new ArrayList<>();
        LocalDate start = d.startDate() != null || existing == null ? CourseInput.date(d.startDate(), problems) : existing.startDate;
        LocalDate end = d.endDate() != null || existing == null ? CourseInput.date(d.endDate(), problems) : existing.endDate;
        CourseInput in = new CourseInput(d.categoryId() != null ? d.categoryId() : existing != null ? existing.categoryId : 0,
                d.fullname() != null || existing == null ? d.fullname() : existing.fullname,
                d.shortname() != null || existing == null ? d.shortname() : existing.shortname,
                d.summary() != null || existing == null ? d.summary() : existing.summary,
                d.lang() != null || existing == null ? d.lang() : existing.lang,
                d.visible() != null ? d.visible() : existing == null || existing.visible,
                start,
                end,
                d.selfEnrol() != null ? d.selfEnrol() : existing != null && existing.selfEnrol,
                d.enrolKey());
        problems.addAll(in.problems());
        if (s.store.category(in.categoryId()).isEmpty()) problems.add("course.error.category");
        if (problems.isEmpty() && s.store.shortnameTaken(in.shortname(), existing == null ? null : existing.id)) problems.add("course.error.shortname.taken");
        if (!problems.isEmpty()) throw invalid(problems);
        return in;
    }

    @GET
    @Path("courses/{id}")
    @PublicAccess
    public CourseDetail course(@PathParam("id") long id) {
        Course c = s.course(id);
        boolean enter = s.canEnter(c);
        int progress = s.user.userId().map(u -> s.progress(c.id, s.store.completed(c.id, u))[0]).orElse(0);
        return new CourseDetail(Views.CourseView.of(c), enter, s.access.can(CourseService.UPDATE, s.courseContext(c)),
                enter ? s.contents(c) : List.of(), progress);
    }

    @PUT
    @Path("courses/{id}")
    @ContextCapability(CourseService.UPDATE)
    public Views.CourseView updateCourse(@PathParam("id") long id, CourseData d) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        if (d == null) throw Problem.badRequest("Send a JSON object with the course's fields.");
        CourseInput in = input(d, c);
        if (in.categoryId() != c.categoryId) {
            s.access.require(CourseService.CREATE, s.categoryContext(in.categoryId()));
            s.access.move(s.courseContext(c), s.categoryContext(in.categoryId()));
        }
        return Views.CourseView.of(s.store.saveCourse(c.id, in));
    }

    @DELETE
    @Path("courses/{id}")
    @ContextCapability(CourseService.DELETE)
    public Response deleteCourse(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.DELETE, c);
        for (Activity a : s.store.activities(c.id)) removeData(a, c);
        s.access.deleteContext(s.courseContext(c));
        s.store.deleteCourse(c.id);
        return Response.noContent().build();
    }

    // ---- sections

    @POST
    @Path("courses/{id}/sections")
    @ContextCapability(CourseService.UPDATE)
    public Response addSection(@PathParam("id") long id, SectionData d) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        String title = sectionTitle(d);
        Section sec = s.store.addSection(c.id, title, d.summary());
        if (d.position() != null) s.store.moveSection(c.id, sec.id, d.position());
        return Response.status(201).entity(Map.of("id", sec.id, "title", title)).build();
    }

    private String sectionTitle(SectionData d) {
        if (d == null || d.title() == null || d.title().isBlank() || d.title().length() > 255) throw invalid(List.of("course.error.section.title"));
        if (d.summary() != null && d.summary().length() > 20000) throw invalid(List.of("course.error.summary"));
        return d.title().trim();
    }

    Section section(long sectionId) {
        Section sec = s.store.section(sectionId).orElseThrow(() -> Problem.notFound(s.messages.get("course.error.notfound")));
        s.require(CourseService.UPDATE, s.course(sec.courseId));
        return sec;
    }

    @PUT
    @Path("sections/{sid}")
    @ContextCapability(CourseService.UPDATE)
    public Response updateSection(@PathParam("sid") long sid, SectionData d) {
        Section sec = section(sid);
        if (d != null && d.title() != null) s.store.updateSection(sec.id, sectionTitle(d), d.summary());
        if (d != null && d.position() != null) s.store.moveSection(sec.courseId, sec.id, d.position());
        return Response.noContent().build();
    }

    @DELETE
    @Path("sections/{sid}")
    @ContextCapability(CourseService.UPDATE)
    public Response deleteSection(@PathParam("sid") long sid) {
        Section sec = section(sid);
        Course c = s.course(sec.courseId);
        for (Activity a : s.store.activities(c.id)) if (a.sectionId == sec.id) deleteActivity(a.id);
        s.store.deleteSection(c.id, sec.id);
        return Response.noContent().build();
    }

    // ---- activities

    @GET
    @Path("types")
    @PublicAccess
    public List<Views.TypeView> types() {
        return s.types();
    }

    @POST
    @Path("courses/{id}/activities")
    @ContextCapability(CourseService.UPDATE)
    public Response addActivity(@PathParam("id") long id, ActivityData d) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        if (d == null || d.sectionId() == null || d.type() == null) throw Problem.badRequest("Send a JSON object with sectionId, type, name and settings.");
        Section sec = s.store.section(d.sectionId()).filter(x -> x.courseId == c.id).orElseThrow(() -> invalid(List.of("course.error.section")));
        ActivityType t = s.type(d.type()).orElseThrow(() -> invalid(List.of("course.error.type")));
        Map<String, String> settings = given(d.settings());
        checkActivity(d.name(), t, settings);
        Activity a = s.store.addActivity(c.id, sec.id, t.type(), d.name().trim(), d.tracked() == null || d.tracked());
        try {
            long instance = t.create(new ActivityInstance(a.id, c.id, 0, s.activityContext(a, c), a.name), settings);
            s.store.setInstance(a.id, instance);
        } catch (RuntimeException e) {
            s.store.deleteActivity(a.id); // the type could not make its data: no half-made activity stays
            // a database failure goes to the kernel's error mapping (a refused value is a 422 there), never its SQL text to the user
            for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException) throw e;
            }
            throw new Problem(422, "Not created", s.messages.get("course.error.create", e.getMessage()));
        }
        if (d.hidden() != null && d.hidden()) s.store.setHidden(a.id, true);
        return Response.status(201).entity(s.view(s.store.activity(a.id).orElseThrow(), c, false)).build();
    }

    /** The settings a JSON body gives; one set to null counts as not given (the types read a missing one as their default). */
    static Map<String, String> given(Map<String, String> settings) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (settings != null) settings.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, v);
        });
        return out;
    }

    private void checkActivity(String name, ActivityType t, Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 255) problems.add(s.messages.get("course.error.activity.name"));
        problems.addAll(t.validate(settings, s.messages.locale()));
        if (!problems.isEmpty()) throw new Problem(422, "Invalid activity", String.join(" ", problems));
    }

    /** The activity and its course, for someone who may edit the course (404 for others, who may not know it exists). */
    Activity editable(long aid) {
        Activity a = s.store.activity(aid).orElseThrow(() -> Problem.notFound(s.messages.get("course.error.notfound")));
        s.require(CourseService.UPDATE, s.course(a.courseId));
        return a;
    }

    @PUT
    @Path("activities/{aid}")
    @ContextCapability(CourseService.UPDATE)
    public Views.ActivityView updateActivity(@PathParam("aid") long aid, ActivityData d) {
        Activity a = editable(aid);
        Course c = s.course(a.courseId);
        if (d == null) throw Problem.badRequest("Send a JSON object with the fields to change.");
        if (d.settings() != null || d.name() != null || d.tracked() != null) {
            ActivityType t = s.type(a.type).orElseThrow(() -> invalid(List.of("course.error.type")));
            String name = d.name() == null ? a.name : d.name();
            Map<String, String> settings = d.settings() == null ? null : given(d.settings());
            checkActivity(name, t, settings == null ? t.load(instance(a, c)) : settings);
            if (settings != null) t.update(instance(a, c), settings);
            s.store.updateActivity(a.id, name.trim(), d.tracked() == null ? a.tracked : d.tracked());
        }
        if (d.hidden() != null) s.store.setHidden(a.id, d.hidden());
        if (d.sectionId() != null || d.position() != null) {
            long target = d.sectionId() == null ? a.sectionId : d.sectionId();
            s.store.section(target).filter(x -> x.courseId == c.id).orElseThrow(() -> invalid(List.of("course.error.section")));
            s.store.moveActivity(a.id, target, d.position() == null ? Integer.MAX_VALUE : d.position());
        }
        return s.view(s.store.activity(a.id).orElseThrow(), c, false);
    }

    ActivityInstance instance(Activity a, Course c) {
        return new ActivityInstance(a.id, c.id, a.instanceId, s.activityContext(a, c), a.name);
    }

    @POST
    @Path("activities/{aid}/duplicate")
    @ContextCapability(CourseService.UPDATE)
    public Response duplicate(@PathParam("aid") long aid) {
        Activity a = editable(aid);
        Course c = s.course(a.courseId);
        ActivityType t = s.type(a.type).orElseThrow(() -> invalid(List.of("course.error.type")));
        Activity copy = s.store.addActivity(c.id, a.sectionId, a.type, s.messages.get("course.activity.copyof", a.name), a.tracked);
        long instance = t.duplicate(instance(a, c), new ActivityInstance(copy.id, c.id, 0, s.activityContext(copy, c), copy.name));
        s.store.setInstance(copy.id, instance);
        s.store.setHidden(copy.id, a.hidden);
        s.store.moveActivity(copy.id, a.sectionId, a.position + 1);
        return Response.status(201).entity(s.view(s.store.activity(copy.id).orElseThrow(), c, false)).build();
    }

    @DELETE
    @Path("activities/{aid}")
    @ContextCapability(CourseService.UPDATE)
    public Response deleteActivity(@PathParam("aid") long aid) {
        Activity a = editable(aid);
        removeData(a, s.course(a.courseId));
        s.store.deleteActivity(a.id);
        return Response.noContent().build();
    }

    /** Asks the activity's type to remove its data, and drops the activity's context. */
    private void removeData(Activity a, Course c) {
        s.type(a.type).ifPresent(t -> t.delete(instance(a, c)));
        s.access.findContext(eu.somep.api.security.AccessControl.ACTIVITY, a.id).ifPresent(s.access::deleteContext);
    }

    // ---- enrolment

    @GET
    @Path("courses/{id}/participants")
    @ContextCapability(CourseService.PARTICIPANTS)
    public List<Views.Participant> participants(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.PARTICIPANTS, c);
        return s.participants(c);
    }

    @POST
    @Path("courses/{id}/participants")
    @ContextCapability(CourseService.ENROL)
    public Response enrol(@PathParam("id") long id, Enrolment e) {
        Course c = s.course(id);
        s.require(CourseService.ENROL, c);
        if (e == null) throw Problem.badRequest("Send a JSON object with username and role.");
        String role = e.role() == null || e.role().isBlank() ? "trainee" : e.role().trim();
        if (!COURSE_ROLES.contains(role)) throw invalid(List.of("course.error.role"));
        UserDirectory.Person p = s.directory.byUsername(e.username()).orElseThrow(() -> invalid(List.of("course.error.user")));
        s.enrol(c, p.id(), role, "manual");
        return Response.status(201).entity(Map.of("username", p.username(), "role", role)).build();
    }

    @DELETE
    @Path("courses/{id}/participants/{username}")
    @ContextCapability(CourseService.ENROL)
    public Response unenrol(@PathParam("id") long id, @PathParam("username") String username) {
        Course c = s.course(id);
        s.require(CourseService.ENROL, c);
        UserDirectory.Person p = s.directory.byUsername(username).filter(x -> s.store.enrolled(c.id, x.id()))
                .orElseThrow(() -> Problem.notFound(s.messages.get("course.error.user")));
        s.unenrol(c, p.id());
        return Response.noContent().build();
    }

    /** Bulk enrolment from CSV: one {@code username[,role]} per line (a header line {@code username,role} is allowed). */
    @POST
    @Path("courses/{id}/participants/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @ContextCapability(CourseService.ENROL)
    public List<ImportLine> importCsv(@PathParam("id") long id, String csv) {
        Course c = s.course(id);
        s.require(CourseService.ENROL, c);
        if (csv == null || csv.isBlank()) throw invalid(List.of("course.error.csv"));
        List<ImportLine> out = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        if (lines.length > 5000) throw invalid(List.of("course.error.csv"));
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("username"))) continue;
            String[] f = line.split("[,;]");
            String username = f[0].trim();
            String role = f.length > 1 && !f[1].isBlank() ? f[1].trim().toLowerCase() : "trainee";
            if (!COURSE_ROLES.contains(role)) {
                out.add(new ImportLine(i + 1, username, s.messages.get("course.error.role")));
                continue;
            }
            var p = s.directory.byUsername(username);
            if (p.isEmpty()) {
                out.add(new ImportLine(i + 1, username, s.messages.get("course.error.user")));
                continue;
            }
            boolean fresh = !s.store.enrolled(c.id, p.get().id());
            s.enrol(c, p.get().id(), role, "csv");
            out.add(new ImportLine(i + 1, username, s.messages.get(fresh ? "course.import.enrolled" : "course.import.already", role)));
        }
        return out;
    }

    @POST
    @Path("courses/{id}/enrol")
    @PublicAccess // any signed-in user, into a course that allows self-enrolment, with its key
    public Response selfEnrol(@PathParam("id") long id, Key k) {
        long me = s.me();
        Course c = s.course(id);
        if (!c.selfEnrol || !c.visible) throw new Problem(403, "Forbidden", s.messages.get("course.error.noself"));
        if (c.enrolKey != null && !c.enrolKey.isEmpty() && (k == null || !c.enrolKey.equals(k.key())))
            throw new Problem(403, "Forbidden", s.messages.get("course.error.key.wrong"));
        s.enrol(c, me, "trainee", "self");
        return Response.status(201).entity(Map.of("course", c.id, "role", "trainee")).build();
    }

    // ---- the course image

    /** Sets the course image: PNG, JPEG or WebP, recognised by its content, at most 2 MB. */
    @PUT
    @Path("courses/{id}/image")
    @Consumes({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @ContextCapability(CourseService.UPDATE)
    public Response setImage(@PathParam("id") long id, byte[] bytes) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        if (bytes == null || bytes.length > eu.somep.course.internal.Images.MAX) throw new Problem(422, "Invalid image", s.messages.get("course.error.image"));
        String type = eu.somep.course.internal.Images.type(bytes).orElseThrow(() -> new Problem(422, "Invalid image", s.messages.get("course.error.image")));
        s.store.setImage(c.id, type, bytes);
        return Response.noContent().build();
    }

    @DELETE
    @Path("courses/{id}/image")
    @ContextCapability(CourseService.UPDATE)
    public Response removeImage(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        s.store.setImage(c.id, null, null);
        return Response.noContent().build();
    }

    // ---- copy, export, import

    public record CopyData(String fullname, String shortname) {
    }

    /** Copies a course (sections and activities, without participants) into a new, hidden course in the same category. */
    @POST
    @Path("courses/{id}/copy")
    @ContextCapability({CourseService.UPDATE, CourseService.CREATE})
    public Response copy(@PathParam("id") long id, CopyData d) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        s.access.require(CourseService.CREATE, s.categoryContext(c.categoryId));
        if (d == null) throw Problem.badRequest("Send a JSON object with fullname and shortname.");
        CourseTransfer.Report r = new CourseTransfer(s).copy(c, d.fullname(), d.shortname());
        teach(r.course().id());
        return Response.status(201).entity(r).build();
    }

    /** The course archive: a zip another site imports. */
    @GET
    @Path("courses/{id}/export")
    @Produces("application/zip")
    @ContextCapability(CourseService.UPDATE)
    public Response export(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        String file = c.shortname.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(new CourseTransfer(s).export(c)).header("Content-Disposition", "attachment; filename=\"course-" + file + ".zip\"").build();
    }

    /** Imports a course archive as a new, hidden course in a category; the report lists what was left out and why. */
    @POST
    @Path("import")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @ContextCapability(CourseService.CREATE)
    public Response restore(@jakarta.ws.rs.QueryParam("category") Long category, @jakarta.ws.rs.QueryParam("fullname") String fullname,
                            @jakarta.ws.rs.QueryParam("shortname") String shortname, byte[] archive) {
        if (category == null) throw invalid(List.of("course.error.category"));
        Category cat = s.category(category);
        s.access.require(CourseService.CREATE, s.categoryContext(cat.id));
        if (archive == null || archive.length == 0) throw new Problem(422, "Not a course archive", s.messages.get("course.transfer.invalid"));
        CourseTransfer.Report r = new CourseTransfer(s).restore(cat.id, archive, fullname, shortname);
        teach(r.course().id());
        return Response.status(201).entity(r).build();
    }

    /** Whoever makes a course teaches it, unless they may edit every course anyway. */
    private void teach(long courseId) {
        Course c = s.store.course(courseId).orElseThrow();
        s.user.userId().ifPresent(u -> {
            if (!s.access.can(CourseService.UPDATE, s.courseContext(c))) s.enrol(c, u, "trainer", "manual");
        });
    }

    // ---- dashboard and grades

    public record Dashboard(List<Views.MyCourse> courses, List<Views.Recent> recent) {
    }

    @GET
    @Path("my")
    @PublicAccess // every signed-in user, their own courses only
    public Dashboard my() {
        long me = s.me();
        return new Dashboard(s.myCourses(me), s.recent(me));
    }

    public record Grades(List<Views.GradeColumn> columns, List<Views.GradeRow> rows) {
    }

    /** The grader report for those who grade; a participant's own grades for everyone else in the course. */
    @GET
    @Path("courses/{id}/grades")
    @ContextCapability({CourseService.GRADES, CourseService.VIEW})
    public Grades grades(@PathParam("id") long id) {
        Course c = s.course(id);
        var cols = s.gradeColumns(c);
        if (s.access.can(CourseService.GRADES, s.courseContext(c))) return new Grades(cols, s.gradeRows(c, cols, null));
        long me = s.me();
        if (!s.store.enrolled(c.id, me)) throw Problem.notFound(s.messages.get("course.error.notfound"));
        return new Grades(cols, s.gradeRows(c, cols, me));
    }

    @GET
    @Path("courses/{id}/grades.csv")
    @Produces("text/csv")
    @ContextCapability(CourseService.GRADES)
    public Response gradesCsv(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.GRADES, c);
        var cols = s.gradeColumns(c);
        StringBuilder b = new StringBuilder("username,name");
        for (var col : cols) b.append(',').append(csv(col.name() + " (/" + fmt(col.max()) + ")"));
        b.append(",total %\n");
        for (var r : s.gradeRows(c, cols, null)) {
            b.append(csv(r.username())).append(',').append(csv(r.displayName()));
            for (Double g : r.grades()) b.append(',').append(g == null ? "" : fmt(g));
            b.append(',').append(r.total() == null ? "" : fmt(r.total())).append('\n');
        }
        return Response.ok(b.toString()).header("Content-Disposition", "attachment; filename=\"grades-" + c.id + ".csv\"").build();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A CSV field: quoted when needed, and never starting a spreadsheet formula. */
    static String csv(String v) {
        String x = v == null ? "" : v;
        if (!x.isEmpty() && "=+-@".indexOf(x.charAt(0)) >= 0) x = "'" + x;
        return x.contains(",") || x.contains("\"") || x.contains("\n") ? "\"" + x.replace("\"", "\"\"") + "\"" : x;
    }

    Problem invalid(List<String> keys) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String k : keys) seen.put(k, s.messages.get(k));
        return new Problem(422, "Invalid input", String.join(" ", seen.values()));
    }
}
