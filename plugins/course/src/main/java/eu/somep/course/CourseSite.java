package eu.somep.course;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.course.internal.Activity;
import eu.somep.course.internal.Course;
import eu.somep.course.internal.CourseInput;
import eu.somep.course.internal.Views;
import eu.somep.course.spi.ActivityType;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The course pages under {@code /course}. Every change goes through {@link CourseApi}, so a page checks exactly
 * what the API checks; a refusal shows the page again with its message.
 */
@Component(service = WebResource.class)
@Path("course")
@Produces(MediaType.TEXT_HTML)
public class CourseSite implements WebResource {
    private final CourseApi api;
    private final CourseService s;

    private final eu.somep.api.web.Uploads uploads;

    @Activate
    public CourseSite(@Reference CourseApi api, @Reference eu.somep.api.web.Uploads uploads) {
        this.api = api;
        this.s = api.s;
        this.uploads = uploads;
    }

    @GET
    @PublicAccess
    public View index() {
        List<Views.CourseView> courses = api.courses();
        return View.of("course/index.ftlh").with("categories", api.categories()).with("courses", courses)
                .with("canCreate", s.user.can(CourseService.CREATE)).with("error", "");
    }

    @POST
    @Path("categories")
    @ContextCapability(CourseService.CREATE)
    public Response createCategory(@FormParam("name") String name, @FormParam("description") String description) {
        return act(() -> api.createCategory(new CourseApi.NewCategory(name, description)), "/course", () -> index());
    }

    /** Import a course archive from the page (a multipart upload, field {@code archive}). */
    @POST
    @Path("import")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    @ContextCapability(CourseService.CREATE)
    public Response importArchive() {
        Long category = parseLong(uploads.field("category").orElse(null));
        var files = uploads.files("archive");
        try {
            if (files.isEmpty()) throw new Problem(422, "Not a course archive", s.messages.get("course.transfer.invalid"));
            byte[] bytes;
            try (var in = files.get(0).open()) {
                bytes = in.readNBytes(64 << 20);
            } catch (java.io.IOException e) {
                throw new Problem(422, "Not a course archive", s.messages.get("course.transfer.invalid"));
            }
            CourseTransfer.Report r = (CourseTransfer.Report) api.restore(category, null, uploads.field("shortname").orElse(null), bytes).getEntity();
            return Response.ok(View.of("course/transferred.ftlh").with("report", r)).build();
        } catch (Problem p) {
            if (p.status() == 401 || p.status() == 404) throw p;
            return Response.status(p.status()).entity(index().with("error", p.getMessage())).build();
        }
    }

    /** The course image, for whoever may see the course (its summary card shows it). */
    @GET
    @Path("{id}/image")
    @PublicAccess // as visible as the course itself (course() answers 404 otherwise)
    public Response image(@PathParam("id") long id) {
        Course c = s.course(id);
        byte[] bytes = c.imageType == null ? null : s.store.image(c.id).orElse(null);
        if (bytes == null) throw Problem.notFound(s.messages.get("course.error.notfound"));
        return Response.ok(bytes, c.imageType).header("Cache-Control", "private, max-age=300").header("Content-Disposition", "inline").build();
    }

    /** Upload the course image from the course settings page (multipart, field {@code image}). */
    @POST
    @Path("{id}/image")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    @ContextCapability(CourseService.UPDATE)
    public Response uploadImage(@PathParam("id") long id) {
        var files = uploads.files("image");
        try {
            if (files.isEmpty()) throw new Problem(422, "Invalid image", s.messages.get("course.error.image"));
            byte[] bytes;
            try (var in = files.get(0).open()) {
                bytes = in.readNBytes(eu.somep.course.internal.Images.MAX + 1);
            } catch (java.io.IOException e) {
                throw new Problem(422, "Invalid image", s.messages.get("course.error.image"));
            }
            api.setImage(id, bytes);
            return Response.seeOther(URI.create("/course/" + id + "/edit")).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(edit(id).with("error", p.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/image/delete")
    @ContextCapability(CourseService.UPDATE)
    public Response deleteImage(@PathParam("id") long id) {
        api.removeImage(id);
        return Response.seeOther(URI.create("/course/" + id + "/edit")).build();
    }

    @POST
    @Path("{id}/copy")
    @ContextCapability({CourseService.UPDATE, CourseService.CREATE})
    public Response copy(@PathParam("id") long id, @FormParam("fullname") String fullname, @FormParam("shortname") String shortname) {
        try {
            CourseTransfer.Report r = (CourseTransfer.Report) api.copy(id, new CourseApi.CopyData(fullname, shortname)).getEntity();
            return Response.ok(View.of("course/transferred.ftlh").with("report", r)).build();
        } catch (Problem p) {
            if (p.status() == 401 || p.status() == 404) throw p;
            return Response.status(p.status()).entity(coursePage(id, "").with("error", p.getMessage())).build();
        }
    }

    @GET
    @Path("my")
    @PublicAccess
    public Response my() {
        if (s.user.userId().isEmpty()) return Response.seeOther(URI.create("/login?next=/course/my")).build();
        CourseApi.Dashboard d = api.my();
        return Response.ok(View.of("course/my.ftlh").with("courses", d.courses()).with("recent", d.recent())).build();
    }

    // ---- course form

    @GET
    @Path("new")
    @PublicAccess // the form only; creating checks course:create in the chosen category
    public Response newCourse(@QueryParam("category") Long category) {
        if (s.user.userId().isEmpty()) return Response.seeOther(URI.create("/login?next=/course/new")).build();
        Map<String, Object> form = new HashMap<>();
        form.put("categoryId", category == null ? 0L : category);
        form.put("visible", true);
        return Response.ok(courseForm(form, null, "")).build();
    }

    private View courseForm(Map<String, Object> form, Long id, String error) {
        return View.of("course/form.ftlh").with("form", form).with("id", id == null ? 0L : id).with("categories", api.categories())
                .with("languages", CourseInput.LANGUAGES).with("error", error);
    }

    private static Map<String, Object> formOf(MultivaluedMap<String, String> f) {
        Map<String, Object> m = new HashMap<>();
        for (String k : List.of("fullname", "shortname", "summary", "lang", "startDate", "endDate", "enrolKey")) m.put(k, f.getFirst(k) == null ? "" : f.getFirst(k));
        m.put("categoryId", parseLong(f.getFirst("categoryId")));
        m.put("visible", f.containsKey("visible"));
        m.put("selfEnrol", f.containsKey("selfEnrol"));
        return m;
    }

    private CourseApi.CourseData data(MultivaluedMap<String, String> f) {
        String key = f.getFirst("enrolKey");
        return new CourseApi.CourseData(parseLong(f.getFirst("categoryId")), f.getFirst("fullname"), f.getFirst("shortname"), f.getFirst("summary"),
                f.getFirst("lang"), f.containsKey("visible"), blank(f.getFirst("startDate")), blank(f.getFirst("endDate")), f.containsKey("selfEnrol"), key == null ? "" : key);
    }

    @POST
    @Path("new")
    @ContextCapability(CourseService.CREATE)
    public Response create(MultivaluedMap<String, String> f) {
        try {
            Views.CourseView c = (Views.CourseView) api.createCourse(data(f)).getEntity();
            return Response.seeOther(URI.create("/course/" + c.id())).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(courseForm(formOf(f), null, p.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/edit")
    @ContextCapability(CourseService.UPDATE)
    public View edit(@PathParam("id") long id) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        Map<String, Object> m = new HashMap<>();
        m.put("categoryId", c.categoryId);
        m.put("fullname", c.fullname);
        m.put("shortname", c.shortname);
        m.put("summary", c.summary);
        m.put("lang", c.lang == null ? "" : c.lang);
        m.put("visible", c.visible);
        m.put("startDate", c.startDate == null ? "" : c.startDate.toString());
        m.put("endDate", c.endDate == null ? "" : c.endDate.toString());
        m.put("selfEnrol", c.selfEnrol);
        m.put("enrolKey", c.enrolKey == null ? "" : c.enrolKey);
        m.put("image", c.imageType != null);
        return courseForm(m, id, "");
    }

    @POST
    @Path("{id}/edit")
    @ContextCapability(CourseService.UPDATE)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            api.updateCourse(id, data(f));
            return Response.seeOther(URI.create("/course/" + id)).build();
        } catch (Problem p) {
            if (p.status() == 404 || p.status() == 401 || p.status() == 403) throw p;
            return Response.status(p.status()).entity(courseForm(formOf(f), id, p.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @ContextCapability(CourseService.DELETE)
    public Response delete(@PathParam("id") long id) {
        api.deleteCourse(id);
        return Response.seeOther(URI.create("/course")).build();
    }

    // ---- the course page

    @GET
    @Path("{id}")
    @PublicAccess // the summary for whoever may see the course; its content for participants (checked in course())
    public View course(@PathParam("id") long id) {
        return coursePage(id, "");
    }

    private View coursePage(long id, String error) {
        CourseApi.CourseDetail d = api.course(id);
        Course c = s.course(id);
        long ctx = s.courseContext(c);
        return View.of("course/course.ftlh").with("course", d.course()).with("participant", d.participant()).with("canEdit", d.canEdit())
                .with("sections", d.sections()).with("progress", d.progress()).with("types", d.canEdit() ? s.types() : java.util.List.of())
                .with("canParticipants", s.access.can(CourseService.PARTICIPANTS, ctx))
                .with("canGrades", s.access.can(CourseService.GRADES, ctx) || (d.participant() && s.user.userId().isPresent()))
                .with("canDelete", s.access.can(CourseService.DELETE, ctx))
                .with("canCopy", d.canEdit() && s.access.can(CourseService.CREATE, s.categoryContext(c.categoryId)))
                .with("signedIn", s.user.userId().isPresent()).with("error", error);
    }

    @POST
    @Path("{id}/enrol")
    @PublicAccess // signed-in users; checked in selfEnrol
    public Response selfEnrol(@PathParam("id") long id, @FormParam("key") String key) {
        if (s.user.userId().isEmpty()) return Response.seeOther(URI.create("/login?next=/course/" + id)).build();
        return act(() -> api.selfEnrol(id, new CourseApi.Key(key)), "/course/" + id, () -> coursePage(id, ""));
    }

    @POST
    @Path("{id}/sections")
    @ContextCapability(CourseService.UPDATE)
    public Response addSection(@PathParam("id") long id, @FormParam("title") String title, @FormParam("summary") String summary) {
        return act(() -> api.addSection(id, new CourseApi.SectionData(title, summary, null)), "/course/" + id, () -> coursePage(id, ""));
    }

    @POST
    @Path("sections/{sid}/{op}")
    @ContextCapability(CourseService.UPDATE)
    public Response section(@PathParam("sid") long sid, @PathParam("op") String op, @FormParam("title") String title, @FormParam("summary") String summary) {
        var sec = api.section(sid);
        String back = "/course/" + sec.courseId;
        return act(() -> switch (op) {
            case "up" -> api.updateSection(sid, new CourseApi.SectionData(null, null, Math.max(0, sec.position - 1)));
            case "down" -> api.updateSection(sid, new CourseApi.SectionData(null, null, sec.position + 1));
            case "edit" -> api.updateSection(sid, new CourseApi.SectionData(title, summary, null));
            case "delete" -> api.deleteSection(sid);
            default -> throw Problem.notFound(s.messages.get("course.error.notfound"));
        }, back, () -> coursePage(sec.courseId, ""));
    }

    // ---- activities

    @GET
    @Path("{id}/add")
    @ContextCapability(CourseService.UPDATE)
    public View addForm(@PathParam("id") long id, @QueryParam("section") long section, @QueryParam("type") String type) {
        Course c = s.course(id);
        s.require(CourseService.UPDATE, c);
        ActivityType t = s.type(type == null ? "" : type).orElseThrow(() -> Problem.notFound(s.messages.get("course.error.type")));
        return activityForm(c, t, section, 0, "", true, Map.of(), "");
    }

    private View activityForm(Course c, ActivityType t, long section, long activityId, String name, boolean tracked, Map<String, String> values, String error) {
        return View.of("course/activity-form.ftlh").with("course", Views.CourseView.of(c)).with("type", t.type()).with("typeName", t.name(s.messages.locale()))
                .with("settings", t.settings(s.messages.locale())).with("values", values).with("section", section).with("activityId", activityId)
                .with("name", name).with("tracked", tracked).with("error", error);
    }

    @POST
    @Path("{id}/add")
    @ContextCapability(CourseService.UPDATE)
    public Response add(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Course c = s.course(id);
        String type = f.getFirst("type");
        Map<String, String> settings = settings(f);
        try {
            api.addActivity(id, new CourseApi.ActivityData(parseLong(f.getFirst("section")), type, f.getFirst("name"), f.containsKey("tracked"), false, null, settings));
            return Response.seeOther(URI.create("/course/" + id)).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            ActivityType t = s.type(type).orElseThrow(() -> p);
            return Response.status(422).entity(activityForm(c, t, parseLong(f.getFirst("section")), 0, f.getFirst("name"), f.containsKey("tracked"), settings, p.getMessage())).build();
        }
    }

    private static Map<String, String> settings(MultivaluedMap<String, String> f) {
        Map<String, String> out = new HashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("setting.") && !v.isEmpty()) out.put(k.substring(8), v.get(0));
        });
        return out;
    }

    @GET
    @Path("activity/{aid}")
    @ContextCapability(CourseService.VIEW)
    public Response open(@PathParam("aid") long aid) {
        Activity a = s.store.activity(aid).filter(x -> s.canView(x.id)).orElseThrow(() -> Problem.notFound(s.messages.get("course.error.notfound")));
        Course c = s.course(a.courseId);
        s.opened(a);
        ActivityType t = s.type(a.type).orElseThrow(() -> new Problem(503, "Unavailable", s.messages.get("course.error.unavailable")));
        if (!"page".equals(a.type)) return Response.seeOther(URI.create(t.link(api.instance(a, c)))).build();
        return Response.ok(View.of("course/page.ftlh").with("course", Views.CourseView.of(c)).with("name", a.name)
                .with("body", s.store.page(a.instanceId).orElse(""))).build();
    }

    @GET
    @Path("activity/{aid}/edit")
    @ContextCapability(CourseService.UPDATE)
    public View editActivity(@PathParam("aid") long aid) {
        Activity a = api.editable(aid);
        Course c = s.course(a.courseId);
        ActivityType t = s.type(a.type).orElseThrow(() -> new Problem(503, "Unavailable", s.messages.get("course.error.unavailable")));
        return activityForm(c, t, a.sectionId, a.id, a.name, a.tracked, t.load(api.instance(a, c)), "");
    }

    @POST
    @Path("activity/{aid}/edit")
    @ContextCapability(CourseService.UPDATE)
    public Response saveActivity(@PathParam("aid") long aid, MultivaluedMap<String, String> f) {
        Activity a = api.editable(aid);
        Course c = s.course(a.courseId);
        Map<String, String> settings = settings(f);
        try {
            api.updateActivity(aid, new CourseApi.ActivityData(null, null, f.getFirst("name"), f.containsKey("tracked"), null, null, settings));
            return Response.seeOther(URI.create("/course/" + a.courseId)).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            ActivityType t = s.type(a.type).orElseThrow(() -> p);
            return Response.status(422).entity(activityForm(c, t, a.sectionId, a.id, f.getFirst("name"), f.containsKey("tracked"), settings, p.getMessage())).build();
        }
    }

    @POST
    @Path("activity/{aid}/{op}")
    @ContextCapability(CourseService.UPDATE)
    public Response activity(@PathParam("aid") long aid, @PathParam("op") String op, @FormParam("section") Long section) {
        Activity a = api.editable(aid);
        String back = "/course/" + a.courseId;
        return act(() -> switch (op) {
            case "hide" -> api.updateActivity(aid, new CourseApi.ActivityData(null, null, null, null, true, null, null));
            case "show" -> api.updateActivity(aid, new CourseApi.ActivityData(null, null, null, null, false, null, null));
            case "up" -> api.updateActivity(aid, new CourseApi.ActivityData(null, null, null, null, null, Math.max(0, a.position - 1), null));
            case "down" -> api.updateActivity(aid, new CourseApi.ActivityData(null, null, null, null, null, a.position + 1, null));
            case "move" -> api.updateActivity(aid, new CourseApi.ActivityData(section, null, null, null, null, null, null));
            case "duplicate" -> api.duplicate(aid);
            case "delete" -> api.deleteActivity(aid);
            default -> throw Problem.notFound(s.messages.get("course.error.notfound"));
        }, back, () -> coursePage(a.courseId, ""));
    }

    // ---- participants and grades

    @GET
    @Path("{id}/participants")
    @ContextCapability(CourseService.PARTICIPANTS)
    public View participants(@PathParam("id") long id) {
        return participantsPage(id, "", List.of());
    }

    private View participantsPage(long id, String error, List<CourseApi.ImportLine> imported) {
        Course c = s.course(id);
        return View.of("course/participants.ftlh").with("course", Views.CourseView.of(c)).with("participants", api.participants(id))
                .with("canEnrol", s.access.can(CourseService.ENROL, s.courseContext(c))).with("roles", CourseApi.COURSE_ROLES)
                .with("error", error).with("imported", imported);
    }

    @POST
    @Path("{id}/participants")
    @ContextCapability(CourseService.ENROL)
    public Response enrol(@PathParam("id") long id, @FormParam("username") String username, @FormParam("role") String role) {
        return act(() -> api.enrol(id, new CourseApi.Enrolment(username, role)), "/course/" + id + "/participants", () -> participantsPage(id, "", List.of()));
    }

    @POST
    @Path("{id}/participants/{username}/remove")
    @ContextCapability(CourseService.ENROL)
    public Response unenrol(@PathParam("id") long id, @PathParam("username") String username) {
        return act(() -> api.unenrol(id, username), "/course/" + id + "/participants", () -> participantsPage(id, "", List.of()));
    }

    @POST
    @Path("{id}/participants/import")
    @ContextCapability(CourseService.ENROL)
    public Response importCsv(@PathParam("id") long id, @FormParam("csv") String csv) {
        try {
            return Response.ok(participantsPage(id, "", api.importCsv(id, csv))).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(participantsPage(id, p.getMessage(), List.of())).build();
        }
    }

    @GET
    @Path("{id}/grades")
    @ContextCapability({CourseService.GRADES, CourseService.VIEW})
    public View grades(@PathParam("id") long id) {
        CourseApi.Grades g = api.grades(id);
        Course c = s.course(id);
        return View.of("course/grades.ftlh").with("course", Views.CourseView.of(c)).with("columns", g.columns()).with("rows", g.rows())
                .with("grader", s.access.can(CourseService.GRADES, s.courseContext(c)));
    }

    /** Runs a change; on success goes back, on a refusal of the input shows the page again with the message. */
    private Response act(Supplier<Object> op, String back, Supplier<View> page) {
        try {
            op.get();
            return Response.seeOther(URI.create(back)).build();
        } catch (Problem p) {
            if (p.status() == 404 || p.status() == 401) throw p;
            return Response.status(p.status()).entity(page.get().with("error", p.getMessage())).build();
        }
    }

    /** A form field as the API takes it: empty when the field is empty or missing (clears a date when editing). */
    private static String blank(String v) {
        return v == null ? "" : v;
    }

    private static Long parseLong(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
