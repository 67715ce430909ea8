package eu.somep.quiz;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.quiz.internal.Quiz;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The quiz pages under {@code /quiz}; every read and change goes through {@link QuizApi}, so pages and API check the same. */
@Component(service = WebResource.class)
@Path("quiz")
@Produces(MediaType.TEXT_HTML)
public class QuizSite implements WebResource {
    private final QuizApi api;
    private final QuizService s;

    @Activate
    public QuizSite(@Reference QuizApi api) {
        this.api = api;
        this.s = api.s;
    }

    @GET
    @Path("{id}")
    @ContextCapability(QuizService.VIEW)
    public View quiz(@PathParam("id") long id) {
        return View.of("quiz/quiz.ftlh").with("page", api.quiz(id)).with("error", "");
    }

    @POST
    @Path("{id}/start")
    @ContextCapability(QuizService.ATTEMPT)
    public Response start(@PathParam("id") long id) {
        try {
            QuizApi.AttemptPage p = (QuizApi.AttemptPage) api.start(id).getEntity();
            return Response.seeOther(URI.create("/quiz/attempt/" + p.attempt().id())).build();
        } catch (Problem p) {
            if (p.status() == 404 || p.status() == 401) throw p;
            return Response.status(p.status()).entity(quiz(id).with("error", p.getMessage())).build();
        }
    }

    @GET
    @Path("attempt/{id}")
    @ContextCapability({QuizService.VIEW, QuizService.REPORTS})
    public Response attempt(@PathParam("id") long id, @QueryParam("page") Integer page) {
        QuizApi.AttemptPage p;
        try {
            p = api.attempt(id, page);
        } catch (Problem e) {
            // a page out of reach (sequential navigation, no such page): the page the attempt is on, with why
            if (e.status() != 409 && e.status() != 422) throw e;
            return Response.status(e.status()).entity(View.of("quiz/attempt.ftlh").with("page", api.attempt(id)).with("error", e.getMessage())).build();
        }
        if (!Attempts.open(p.attempt().state())) return Response.seeOther(URI.create("/quiz/attempt/" + id + "/review")).build();
        return Response.ok(View.of("quiz/attempt.ftlh").with("page", p).with("error", "")).build();
    }

    /**
     * Saves every changed answer of the page shown (fields page, q{slot} and seq{slot}); then with goto=N moves to page N,
     * with finish=1 finishes.
     */
    @POST
    @Path("attempt/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability(QuizService.ATTEMPT)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            QuizApi.AttemptPage p = api.attempt(id, number(form.getFirst("page")));
            // once time is up (grace period) answers no longer change: only finishing is taken
            for (QuizApi.Item it : Attempts.OVERDUE.equals(p.attempt().state()) ? List.<QuizApi.Item>of() : p.items()) {
                List<String> values = form.get("q" + it.slot());
                String value = values == null ? "" : String.join(",", values.stream().filter(Objects::nonNull).map(String::trim).toList());
                String seq = form.getFirst("seq" + it.slot());
                if (seq == null || value.equals(Objects.toString(it.response(), ""))) continue;
                Integer sequence = number(seq);
                if (sequence == null) throw Problem.badRequest("bad sequence");
                api.save(id, it.slot(), new QuizApi.Save(value, sequence));
            }
            if (form.getFirst("finish") != null) {
                api.finish(id);
                return Response.seeOther(URI.create("/quiz/attempt/" + id + "/review")).build();
            }
            Integer to = number(form.getFirst("goto"));
            if (to != null) {
                api.move(id, new QuizApi.Move(to));
                return Response.seeOther(URI.create("/quiz/attempt/" + id + "?page=" + to)).build();
            }
            return Response.seeOther(URI.create("/quiz/attempt/" + id + (p.page() > 0 ? "?page=" + p.page() : ""))).build();
        } catch (Problem e) {
            if (e.status() == 404 || e.status() == 401) throw e;
            return Response.status(e.status()).entity(View.of("quiz/attempt.ftlh").with("page", api.attempt(id)).with("error", e.getMessage())).build();
        }
    }

    /** A whole number from a form field; null when absent; a 400 when it is not a number. */
    static Integer number(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("Not a number: a page or a sequence.");
        }
    }

    @GET
    @Path("attempt/{id}/review")
    @ContextCapability({QuizService.VIEW, QuizService.REPORTS})
    public View review(@PathParam("id") long id) {
        QuizApi.AttemptPage p = api.attempt(id);
        return View.of("quiz/review.ftlh").with("page", p);
    }

    @GET
    @Path("{id}/attempts")
    @ContextCapability(QuizService.REPORTS)
    public View attempts(@PathParam("id") long id) {
        return View.of("quiz/attempts.ftlh").with("quiz", api.quiz(id).quiz()).with("attempts", api.attempts(id));
    }

    @GET
    @Path("{id}/edit")
    @ContextCapability(QuizService.MANAGE)
    public View editor(@PathParam("id") long id) {
        QuizApi.QuizView q = api.quiz(id).quiz();
        long course = s.activity(s.quiz(id)).courseId();
        List<QuizApi.CategoryView> cats = s.access.can(QuizService.QUESTIONS, s.context(s.quiz(id))) ? api.categories(course) : List.of();
        List<BankCategory> bank = cats.stream().map(c -> new BankCategory(c, api.questions(c.id(), course))).filter(b -> !b.questions().isEmpty()).toList();
        return View.of("quiz/edit.ftlh").with("quiz", q).with("slots", api.slots(id)).with("types", s.typeNames()).with("categories", cats).with("bank", bank)
                .with("courseId", course).with("error", "");
    }

    /**
     * The simple question editor: a new question in the course bank's first category (made when there is none),
     * added to the quiz. Answers one a line: {@code fraction | text | feedback | tolerance}.
     */
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability({QuizService.MANAGE, QuizService.QUESTIONS})
    public Response addQuestion(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        ActivityInstance a = s.activity(q);
        try {
            List<QuizApi.AnswerIn> answers = new ArrayList<>();
            for (String line : Objects.toString(f.getFirst("answers"), "").split("\r?\n")) {
                if (line.isBlank()) continue;
                String[] p = line.split("\\|", -1);
                try {
                    answers.add(new QuizApi.AnswerIn(p.length > 1 ? p[1].trim() : "", Double.parseDouble(p[0].trim()), p.length > 2 ? p[2].trim() : "",
                            p.length > 3 && !p[3].isBlank() ? Double.parseDouble(p[3].trim()) : null, p.length > 4 ? p[4].trim() : null));
                } catch (NumberFormatException e) {
                    throw api.invalid(List.of("quiz.error.fraction"));
                }
            }
            QuizApi.NewQuestion n = new QuizApi.NewQuestion(f.getFirst("type"), f.getFirst("name"), f.getFirst("text"), !"multiple".equals(f.getFirst("choice")),
                    f.getFirst("shuffle") != null, f.getFirst("case") != null, answers, f.getFirst("general"));
            long cat = defaultCategory(a.courseId());
            QuizApi.QuestionView qv = (QuizApi.QuestionView) api.addQuestion(cat, n).getEntity();
            api.addSlot(id, new QuizApi.NewSlot(qv.id(), null));
            return Response.seeOther(URI.create("/quiz/" + id + "/edit")).build();
        } catch (Problem e) {
            if (e.status() == 404 || e.status() == 401) throw e;
            return Response.status(e.status()).entity(editor(id).with("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/grading")
    @ContextCapability(QuizService.GRADE)
    public View grading(@PathParam("id") long id) {
        return View.of("quiz/grading.ftlh").with("quiz", api.quiz(id).quiz()).with("items", api.toGrade(id)).with("error", "");
    }

    /** A grader's mark and comment for one response (fields attempt, slot, mark, comment). */
    @POST
    @Path("{id}/grading")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability(QuizService.GRADE)
    public Response grade(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            long attempt;
            int slot;
            Double mark;
            try {
                attempt = Long.parseLong(Objects.toString(f.getFirst("attempt"), ""));
                slot = Integer.parseInt(Objects.toString(f.getFirst("slot"), ""));
                mark = Double.valueOf(Objects.toString(f.getFirst("mark"), "").trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw api.invalid(List.of("quiz.error.manualmark"));
            }
            QuizApi.AttemptPage p = api.attempt(attempt);
            if (p.attempt().quizId() != id) throw s.notFound();
            api.gradeResponse(attempt, slot, new QuizApi.ManualGrade(mark, f.getFirst("comment")));
            return Response.seeOther(URI.create("/quiz/" + id + "/grading")).build();
        } catch (Problem e) {
            if (e.status() == 404 || e.status() == 401 || e.status() == 403) throw e;
            return Response.status(e.status()).entity(grading(id).with("error", e.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/regrade")
    @ContextCapability(QuizService.MANAGE)
    public Response regrade(@PathParam("id") long id) {
        api.regrade(id);
        return Response.seeOther(URI.create("/quiz/" + id + "/attempts")).build();
    }

    /** The course bank's first category, made when there is none. */
    private long defaultCategory(long courseId) {
        List<QuizApi.CategoryView> cats = api.categories(courseId).stream().filter(c -> !c.site()).toList();
        return cats.isEmpty() ? ((QuizApi.CategoryView) api.addCategory(courseId, new QuizApi.NewCategory(s.messages.get("quiz.bank.default"))).getEntity()).id()
                : cats.get(0).id();
    }

    @GET
    @Path("{id}/import")
    @ContextCapability({QuizService.MANAGE, QuizService.QUESTIONS})
    public View importForm(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        return View.of("quiz/import.ftlh").with("quiz", api.quiz(id).quiz()).with("report", "").with("error", "");
    }

    /** Imports pasted GIFT or Moodle XML (fields format, content) into the course bank's first category; optionally adds the questions to the quiz. */
    @POST
    @Path("{id}/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability({QuizService.MANAGE, QuizService.QUESTIONS})
    public Response importQuestions(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        try {
            Exchange.Report r = api.importQuestions(defaultCategory(s.activity(q).courseId()), f.getFirst("format"), f.getFirst("content"));
            if (f.getFirst("add") != null) {
                for (Exchange.Item it : r.items()) {
                    if (it.imported()) api.addSlot(id, new QuizApi.NewSlot(it.questionId(), null));
                }
            }
            return Response.ok(importForm(id).with("report", r)).build();
        } catch (Problem e) {
            if (e.status() == 404 || e.status() == 401) throw e;
            return Response.status(e.status()).entity(importForm(id).with("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("{id}/responses")
    @ContextCapability(QuizService.REPORTS)
    public View responses(@PathParam("id") long id) {
        return View.of("quiz/responses.ftlh").with("quiz", api.quiz(id).quiz()).with("rows", api.responses(id));
    }

    @GET
    @Path("{id}/statistics")
    @ContextCapability(QuizService.REPORTS)
    public View statistics(@PathParam("id") long id) {
        Reports.Statistics st = api.statistics(id);
        return View.of("quiz/statistics.ftlh").with("quiz", api.quiz(id).quiz()).with("stats", st).with("chart", Reports.chart(st));
    }

    /** The attempt page's autosave and countdown script, served here because pages allow scripts only from this site. */
    @GET
    @Path("attempt.js")
    @Produces("text/javascript")
    @PublicAccess
    public Response script() throws java.io.IOException {
        try (java.io.InputStream in = QuizSite.class.getResourceAsStream("/quiz/attempt.js")) {
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "text/javascript; charset=UTF-8")
                    .header("Cache-Control", "public, max-age=3600").build();
        }
    }

    public record BankCategory(QuizApi.CategoryView category, List<QuizApi.QuestionView> questions) {
    }

    /** The course's question bank: its categories and the latest version of each question. */
    @GET
    @Path("bank/{course}")
    @ContextCapability(QuizService.QUESTIONS)
    public View bank(@PathParam("course") long courseId) {
        List<BankCategory> cats = api.categories(courseId).stream().map(c -> new BankCategory(c, api.questions(c.id(), courseId))).toList();
        return View.of("quiz/bank.ftlh").with("courseId", courseId).with("categories", cats).with("site", false).with("error", "").with("report", "");
    }

    /** The site-wide question bank: categories every course's quizzes may use, for those who manage it. */
    @GET
    @Path("bank/site")
    @ContextCapability(QuizService.SITEBANK)
    public View siteBank() {
        List<BankCategory> cats = api.siteCategories().stream().map(c -> new BankCategory(c, api.questions(c.id(), null))).toList();
        return View.of("quiz/bank.ftlh").with("courseId", 0L).with("categories", cats).with("site", true).with("error", "").with("report", "");
    }

    /** A new site-wide category (field name). */
    @POST
    @Path("bank/site")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability(QuizService.SITEBANK)
    public Response addSiteCategory(MultivaluedMap<String, String> f) {
        try {
            api.addSiteCategory(new QuizApi.NewCategory(f.getFirst("name")));
            return Response.seeOther(URI.create("/quiz/bank/site")).build();
        } catch (Problem e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 404) throw e;
            return Response.status(e.status()).entity(siteBank().with("error", e.getMessage())).build();
        }
    }

    /** Pasted GIFT or Moodle XML (fields category, format, content) into a site-wide category. */
    @POST
    @Path("bank/site/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability(QuizService.SITEBANK)
    public Response importSite(MultivaluedMap<String, String> f) {
        s.requireSiteBank();
        try {
            Integer cat = number(f.getFirst("category"));
            if (cat == null || api.siteCategories().stream().noneMatch(c -> c.id() == cat)) throw api.invalid(List.of("quiz.error.category"));
            Exchange.Report r = api.importQuestions(cat, f.getFirst("format"), f.getFirst("content"));
            return Response.ok(siteBank().with("report", r)).build();
        } catch (Problem e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 404) throw e;
            return Response.status(e.status()).entity(siteBank().with("error", e.getMessage())).build();
        }
    }

    /** Adds a question of the course's or the site's bank to the quiz (fields question, mark). */
    @POST
    @Path("{id}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability({QuizService.MANAGE, QuizService.QUESTIONS})
    public Response addFromBank(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            Integer question = number(f.getFirst("question"));
            String mark = Objects.toString(f.getFirst("mark"), "").trim();
            Double m;
            try {
                m = mark.isEmpty() ? null : Double.valueOf(mark.replace(',', '.'));
            } catch (NumberFormatException e) {
                throw api.invalid(List.of("quiz.error.mark"));
            }
            api.addSlot(id, new QuizApi.NewSlot(question == null ? null : question.longValue(), m));
            return Response.seeOther(URI.create("/quiz/" + id + "/edit")).build();
        } catch (Problem e) {
            if (e.status() == 404 || e.status() == 401 || e.status() == 403) throw e;
            return Response.status(e.status()).entity(editor(id).with("error", e.getMessage())).build();
        }
    }
}
