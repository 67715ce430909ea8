package eu.somep.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.somep.api.web.Problem;
import eu.somep.course.internal.Activity;
import eu.somep.course.internal.Course;
import eu.somep.course.internal.CourseInput;
import eu.somep.course.internal.Section;
import eu.somep.course.internal.Views;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Course copy, and the course archive a partner academy takes to another site: a zip with {@code course.json}
 * (the course, its sections and activities); each activity's data is what its type's plugin exports
 * ({@link ActivityType#export}). Enrolments, completion and grades are never part of it.
 */
public final class CourseTransfer {
    static final String FORMAT = "somep-course";
    /** Limits for reading an archive: a zip that claims more is refused before it is unpacked. */
    static final int MAX_ENTRIES = 100;
    static final long MAX_JSON = 20L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CourseService s;

    CourseTransfer(CourseService s) {
        this.s = s;
    }

    /** What an import or copy did: the new course, and the activities left out with the reason. */
    public record Report(Views.CourseView course, int activities, List<Skipped> skipped) {
    }

    public record Skipped(String section, String name, String type, String reason) {
    }

    // ---- copy

    Report copy(Course source, String fullname, String shortname) {
        Course copy = create(source.categoryId, fullname, shortname, source.summary, source.lang, false, source.startDate, source.endDate);
        List<Skipped> skipped = new ArrayList<>();
        int count = 0;
        List<Section> first = s.store.sections(copy.id);
        boolean reuse = true;
        for (Section sec : s.store.sections(source.id)) {
            long target;
            if (reuse && !first.isEmpty()) { // the new course's automatic first section takes the first section's place
                s.store.updateSection(first.get(0).id, sec.title, sec.summary);
                target = first.get(0).id;
                reuse = false;
            } else {
                target = s.store.addSection(copy.id, sec.title, sec.summary).id;
            }
            for (Activity a : s.store.activities(source.id)) {
                if (a.sectionId != sec.id) continue;
                Optional<ActivityType> t = s.type(a.type);
                if (t.isEmpty()) {
                    skipped.add(new Skipped(sec.title, a.name, a.type, s.messages.get("course.transfer.notype")));
                    continue;
                }
                Activity made = s.store.addActivity(copy.id, target, a.type, a.name, a.tracked);
                try {
                    long instance = t.get().duplicate(new ActivityInstance(a.id, source.id, a.instanceId, 0, a.name),
                            new ActivityInstance(made.id, copy.id, 0, s.activityContext(made, copy), made.name));
                    s.store.setInstance(made.id, instance);
                    if (a.hidden) s.store.setHidden(made.id, true);
                    count++;
                } catch (RuntimeException e) {
                    s.store.deleteActivity(made.id);
                    skipped.add(new Skipped(sec.title, a.name, a.type, String.valueOf(e.getMessage())));
                }
            }
        }
        return new Report(Views.CourseView.of(s.store.course(copy.id).orElseThrow()), count, skipped);
    }

    private Course create(long category, String fullname, String shortname, String summary, String lang, boolean visible, LocalDate start, LocalDate end) {
        CourseInput in = new CourseInput(category, fullname, shortname, summary, lang, visible, start, end, false, "");
        List<String> problems = new ArrayList<>(in.problems());
        if (problems.isEmpty() && s.store.shortnameTaken(in.shortname(), null)) problems.add("course.error.shortname.taken");
        if (!problems.isEmpty()) {
            throw new Problem(422, "Invalid input", String.join(" ", problems.stream().map(k -> s.messages.get(k)).distinct().toList()));
        }
        Course c = s.store.saveCourse(null, in);
        s.courseContext(c);
        s.store.addSection(c.id, s.messages.get("course.section.general"), "");
        return c;
    }

    // ---- export

    byte[] export(Course c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ObjectNode course = root.putObject("course");
        course.put("fullname", c.fullname);
        course.put("shortname", c.shortname);
        course.put("summary", c.summary);
        course.put("lang", c.lang);
        course.put("startDate", c.startDate == null ? null : c.startDate.toString());
        course.put("endDate", c.endDate == null ? null : c.endDate.toString());
        ArrayNode sections = root.putArray("sections");
        for (Section sec : s.store.sections(c.id)) {
            ObjectNode sn = sections.addObject();
            sn.put("title", sec.title);
            sn.put("summary", sec.summary);
            ArrayNode acts = sn.putArray("activities");
            for (Activity a : s.store.activities(c.id)) {
                if (a.sectionId != sec.id) continue;
                ObjectNode an = acts.addObject();
                an.put("type", a.type);
                an.put("name", a.name);
                an.put("hidden", a.hidden);
                an.put("tracked", a.tracked);
                s.type(a.type).flatMap(t -> t.export(new ActivityInstance(a.id, c.id, a.instanceId, 0, a.name))).ifPresent(d -> an.put("data", d));
            }
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("course.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- import

    Report restore(long category, byte[] archive, String fullname, String shortname) {
        JsonNode root = read(archive);
        JsonNode course = root.path("course");
        List<String> bad = new ArrayList<>();
        LocalDate start = CourseInput.date(text(course, "startDate"), bad);
        LocalDate end = CourseInput.date(text(course, "endDate"), bad);
        Course c = create(category, blankTo(fullname, text(course, "fullname")), blankTo(shortname, text(course, "shortname")),
                text(course, "summary"), text(course, "lang"), false, start, end);
        List<Skipped> skipped = new ArrayList<>();
        int count = 0;
        boolean reuse = true;
        for (JsonNode sn : root.path("sections")) {
            String title = text(sn, "title");
            if (title == null || title.isBlank() || title.length() > 255) title = s.messages.get("course.section.general");
            String summary = text(sn, "summary");
            long target;
            List<Section> existing = s.store.sections(c.id);
            if (reuse && !existing.isEmpty()) {
                s.store.updateSection(existing.get(0).id, title, summary == null || summary.length() > 20000 ? "" : summary);
                target = existing.get(0).id;
                reuse = false;
            } else {
                target = s.store.addSection(c.id, title, summary == null || summary.length() > 20000 ? "" : summary).id;
            }
            for (JsonNode an : sn.path("activities")) {
                String type = text(an, "type");
                String name = text(an, "name");
                Optional<ActivityType> t = type == null ? Optional.empty() : s.type(type);
                if (name == null || name.isBlank() || name.length() > 255) {
                    skipped.add(new Skipped(title, String.valueOf(name), String.valueOf(type), s.messages.get("course.error.activity.name")));
                    continue;
                }
                if (t.isEmpty()) {
                    skipped.add(new Skipped(title, name, String.valueOf(type), s.messages.get("course.transfer.notype")));
                    continue;
                }
                Activity made = s.store.addActivity(c.id, target, type, name, !an.has("tracked") || an.path("tracked").asBoolean());
                try {
                    long instance = t.get().restore(new ActivityInstance(made.id, c.id, 0, s.activityContext(made, c), name), Optional.ofNullable(text(an, "data")));
                    s.store.setInstance(made.id, instance);
                    if (an.path("hidden").asBoolean()) s.store.setHidden(made.id, true);
                    count++;
                } catch (RuntimeException e) {
                    s.store.deleteActivity(made.id);
                    skipped.add(new Skipped(title, name, type, String.valueOf(e.getMessage())));
                }
            }
        }
        return new Report(Views.CourseView.of(s.store.course(c.id).orElseThrow()), count, skipped);
    }

    /** The archive's course.json, read within limits; anything else is a clear 422. */
    private JsonNode read(byte[] archive) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) break;
                if (!"course.json".equals(e.getName())) continue;
                byte[] json = zip.readNBytes((int) MAX_JSON + 1);
                if (json.length > MAX_JSON) throw invalid();
                JsonNode root = JSON.readTree(json);
                if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) throw invalid();
                return root;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
        throw invalid();
    }

    private Problem invalid() {
        return new Problem(422, "Not a course archive", s.messages.get("course.transfer.invalid"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String blankTo(String chosen, String fallback) {
        return chosen == null || chosen.isBlank() ? fallback : chosen;
    }
}
