package eu.somep.quiz.internal;

import eu.somep.api.persistence.Database;
import eu.somep.quiz.spi.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every query of the quiz plugin. */
public final class QuizStore {
    private final Database db;

    public QuizStore(Database db) {
        this.db = db;
    }

    // ---- encoding of a question's options and answers

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    static String unesc(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static String encodeOptions(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(esc(k)).append('\t').append(esc(v)).append('\n'));
        return b.toString();
    }

    public static Map<String, String> decodeOptions(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : s.split("\n")) {
            int t = line.indexOf('\t');
            if (t > 0) out.put(unesc(line.substring(0, t)), unesc(line.substring(t + 1)));
        }
        return out;
    }

    public static String encodeAnswers(List<QuestionType.Answer> answers) {
        StringBuilder b = new StringBuilder();
        for (QuestionType.Answer a : answers) {
            b.append(a.fraction()).append('\t').append(a.tolerance()).append('\t').append(esc(a.text())).append('\t').append(esc(a.feedback())).append('\t').append(esc(a.match())).append('\n');
        }
        return b.toString();
    }

    public static List<QuestionType.Answer> decodeAnswers(String s) {
        List<QuestionType.Answer> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            out.add(new QuestionType.Answer(unesc(f[2]), Double.parseDouble(f[0]), unesc(f[3]), Double.parseDouble(f[1]), f.length > 4 ? unesc(f[4]) : ""));
        }
        return out;
    }

    public static QuestionType.Question data(Question q) {
        return new QuestionType.Question(q.text, decodeOptions(q.options), decodeAnswers(q.answers));
    }

    // ---- bank

    public Category saveCategory(long courseId, String name) {
        return db.inTransaction(em -> {
            Category c = new Category();
            c.courseId = courseId;
            c.name = name;
            em.persist(c);
            return c;
        });
    }

    public List<Category> categories(long courseId) {
        return db.inTransaction(em -> em.createQuery("select c from Category c where c.courseId = :c order by c.name, c.id", Category.class).setParameter("c", courseId).getResultList());
    }

    public Optional<Category> category(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Category.class, id)));
    }

    public List<Question> questions(long categoryId) {
        return db.inTransaction(em -> em.createQuery("select q from Question q where q.categoryId = :c and q.latest = true order by q.name, q.id", Question.class)
                .setParameter("c", categoryId).getResultList());
    }

    public Optional<Question> question(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Question.class, id)));
    }

    public Optional<Question> latest(long familyId) {
        return db.inTransaction(em -> em.createQuery("select q from Question q where q.familyId = :f and q.latest = true", Question.class)
                .setParameter("f", familyId).getResultStream().findFirst());
    }

    /** A new question ({@code previous} null) or a new version of {@code previous}'s family; the old version stays for the attempts that used it. */
    public Question saveQuestion(Question previous, long categoryId, String type, String name, String text, Map<String, String> options, List<QuestionType.Answer> answers,
                                 String generalFeedback) {
        return db.inTransaction(em -> {
            Question q = new Question();
            q.categoryId = categoryId;
            q.type = type;
            q.name = name;
            q.text = text;
            q.options = encodeOptions(options);
            q.answers = encodeAnswers(answers);
            q.generalFeedback = generalFeedback;
            q.createdAt = Instant.now();
            q.latest = true;
            if (previous == null) {
                q.version = 1;
                em.persist(q);
                em.flush();
                q.familyId = q.id;
            } else {
                int updated = em.createQuery("update Question q set q.latest = false where q.familyId = :f and q.latest = true")
                        .setParameter("f", previous.familyId).executeUpdate();
                if (updated == 0) throw new IllegalStateException("edited concurrently");
                q.familyId = previous.familyId;
                q.version = em.createQuery("select max(q.version) from Question q where q.familyId = :f", Integer.class).setParameter("f", previous.familyId).getSingleResult() + 1;
                em.persist(q);
            }
            return q;
        });
    }

    // ---- quizzes

    public Optional<Quiz> quiz(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Quiz.class, id)));
    }

    public Quiz saveQuiz(Quiz q) {
        return db.inTransaction(em -> {
            if (q.id == null) {
                em.persist(q);
                return q;
            }
            return em.merge(q);
        });
    }

    public void deleteQuiz(long id) {
        db.run(em -> {
            Quiz q = em.find(Quiz.class, id);
            if (q == null) return;
            em.createQuery("delete from Response r where r.attemptId in (select a.id from Attempt a where a.quizId = :q)").setParameter("q", id).executeUpdate();
            em.createQuery("delete from Attempt a where a.quizId = :q").setParameter("q", id).executeUpdate();
            em.createQuery("delete from Slot s where s.quizId = :q").setParameter("q", id).executeUpdate();
            em.remove(q);
        });
    }

    public List<Slot> slots(long quizId) {
        return db.inTransaction(em -> em.createQuery("select s from Slot s where s.quizId = :q order by s.slot", Slot.class).setParameter("q", quizId).getResultList());
    }

    /** A slot and the latest version of its question. */
    public record SlotQuestion(Slot slot, Question question) {
    }

    /**
     * The quiz's slots with their questions' latest versions in one query, in slot order; a slot whose question has
     * no latest version is left out. Starting an attempt used to ask once per slot: 21 transactions for 20
     * questions, at the moment 500 trainees start at once.
     */
    public List<SlotQuestion> slotsWithLatest(long quizId) {
        return db.inTransaction(em -> em.createQuery("select s, q from Slot s, Question q where s.quizId = :q and q.familyId = s.familyId and q.latest = true"
                        + " order by s.slot", Object[].class).setParameter("q", quizId).getResultList()
                .stream().map(r -> new SlotQuestion((Slot) r[0], (Question) r[1])).toList());
    }

    public Slot addSlot(long quizId, long familyId, double mark) {
        return db.inTransaction(em -> {
            Integer max = em.createQuery("select max(s.slot) from Slot s where s.quizId = :q", Integer.class).setParameter("q", quizId).getSingleResult();
            Slot s = new Slot();
            s.quizId = quizId;
            s.slot = max == null ? 1 : max + 1;
            s.familyId = familyId;
            s.mark = mark;
            em.persist(s);
            return s;
        });
    }

    public void removeSlot(long quizId, int slot) {
        db.run(em -> em.createQuery("delete from Slot s where s.quizId = :q and s.slot = :s").setParameter("q", quizId).setParameter("s", slot).executeUpdate());
    }

    // ---- attempts

    public Optional<Attempt> attempt(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Attempt.class, id)));
    }

    public List<Attempt> attempts(long quizId, long userId) {
        return db.inTransaction(em -> em.createQuery("select a from Attempt a where a.quizId = :q and a.userId = :u order by a.number", Attempt.class)
                .setParameter("q", quizId).setParameter("u", userId).getResultList());
    }

    public List<Attempt> attempts(long quizId) {
        return db.inTransaction(em -> em.createQuery("select a from Attempt a where a.quizId = :q order by a.userId, a.number", Attempt.class)
                .setParameter("q", quizId).getResultList());
    }

    /** A new attempt with one response row per question (its version and state fixed now); the responses get no ids here. */
    public Attempt startAttempt(long quizId, long userId, int number, Instant now, Instant deadline, String layout, List<Response> responses) {
        return db.inTransaction(em -> {
            Attempt a = new Attempt();
            a.layout = layout;
            a.quizId = quizId;
            a.userId = userId;
            a.number = number;
            a.state = "inprogress";
            a.startedAt = now;
            a.deadline = deadline;
            em.persist(a);
            em.flush();
            // one multi-row INSERT per 100 responses instead of a persist each: 20 persists with generated keys were
            // two thirds of an attempt start's CPU in a profile of 500 trainees starting at once. Nobody reads the
            // responses' ids from this list (the attempt page goes by slot), so they are not fetched back.
            for (int from = 0; from < responses.size(); from += 100) {
                List<Response> chunk = responses.subList(from, Math.min(from + 100, responses.size()));
                StringBuilder sql = new StringBuilder("INSERT INTO quiz_response (attempt_id, slot, question_id, mark, state, seq) VALUES ");
                for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, 0)");
                var insert = em.createNativeQuery(sql.toString());
                int p = 1;
                for (Response r : chunk) {
                    r.attemptId = a.id;
                    insert.setParameter(p++, a.id).setParameter(p++, r.slot).setParameter(p++, r.questionId).setParameter(p++, r.mark).setParameter(p++, r.state);
                }
                insert.executeUpdate();
            }
            return a;
        });
    }

    public List<Response> responses(long attemptId) {
        return db.inTransaction(em -> em.createQuery("select r from Response r where r.attemptId = :a order by r.slot", Response.class)
                .setParameter("a", attemptId).getResultList());
    }

    /** An attempt and its quiz in one query (the autosave's only read); empty when either is gone. */
    public Optional<Object[]> attemptAndQuiz(long attemptId) {
        return db.inTransaction(em -> em.createQuery("select a, q from Attempt a, Quiz q where a.id = :a and q.id = a.quizId", Object[].class)
                .setParameter("a", attemptId).getResultStream().findFirst());
    }

    /**
     * Saves an answer in one conditional update: only if nobody saved since {@code seq}, the slot takes an answer
     * (a mark above 0), the attempt is still in progress and in time, and (when {@code page} is not null, sequential
     * navigation) still on that page. False otherwise; the caller then finds out why.
     */
    public boolean saveResponse(long attemptId, int slot, int seq, String response, Instant now, Integer page) {
        return db.inTransaction(em -> {
            var u = em.createQuery("update Response r set r.response = :v, r.seq = r.seq + 1 where r.attemptId = :a and r.slot = :s and r.seq = :q and r.mark > 0"
                            + " and exists (select a.id from Attempt a where a.id = :a and a.state = 'inprogress' and (a.deadline is null or a.deadline >= :n)"
                            + (page == null ? "" : " and a.currentPage = :p") + ")")
                    .setParameter("v", response).setParameter("n", now).setParameter("a", attemptId).setParameter("s", slot).setParameter("q", seq);
            if (page != null) u.setParameter("p", page);
            return u.executeUpdate() == 1;
        });
    }

    /** Moves an attempt in progress to another page; with {@code from} (sequential navigation) only from that page. */
    public boolean movePage(long attemptId, Integer from, int to) {
        return db.inTransaction(em -> {
            var u = em.createQuery("update Attempt a set a.currentPage = :t where a.id = :a and a.state = 'inprogress'" + (from == null ? "" : " and a.currentPage = :f"))
                    .setParameter("t", to).setParameter("a", attemptId);
            if (from != null) u.setParameter("f", from);
            return u.executeUpdate() == 1;
        });
    }

    /**
     * Finishes an attempt: one conditional update on its state, so that of two simultaneous finishes exactly one
     * succeeds (returns true) and writes the grades.
     */
    public boolean finish(long attemptId, Instant at, Double grade, Map<Integer, QuestionType.Grade> grades) {
        return db.inTransaction(em -> {
            int n = em.createQuery("update Attempt a set a.state = 'finished', a.finishedAt = :t, a.grade = :g where a.id = :a and a.state in ('inprogress', 'overdue')")
                    .setParameter("t", at).setParameter("g", grade).setParameter("a", attemptId).executeUpdate();
            if (n != 1) return false;
            grades.forEach((slot, g) -> em.createQuery("update Response r set r.fraction = :f, r.feedback = :b where r.attemptId = :a and r.slot = :s")
                    .setParameter("f", g.fraction()).setParameter("b", g.feedback()).setParameter("a", attemptId).setParameter("s", slot).executeUpdate());
            return true;
        });
    }

    /** Time is up, the grace period runs: answers are no longer taken, finishing still is. */
    public void overdue(long attemptId) {
        db.run(em -> em.createQuery("update Attempt a set a.state = 'overdue' where a.id = :a and a.state = 'inprogress'").setParameter("a", attemptId).executeUpdate());
    }

    /** Closed without a grade (time up and not submitted). */
    public void abandon(long attemptId, Instant at) {
        db.run(em -> em.createQuery("update Attempt a set a.state = 'abandoned', a.finishedAt = :t where a.id = :a and a.state in ('inprogress', 'overdue')")
                .setParameter("t", at).setParameter("a", attemptId).executeUpdate());
    }

    /** Open attempts whose deadline has passed (at most 500 a call; the next run takes the rest). */
    public List<Attempt> due(Instant now) {
        return db.inTransaction(em -> em.createQuery("select a from Attempt a where a.state in ('inprogress', 'overdue') and a.deadline < :n order by a.deadline", Attempt.class)
                .setParameter("n", now).setMaxResults(500).getResultList());
    }

    // ---- grading by hand and regrading

    /** Responses of finished attempts that still wait for a person's grade (essays), oldest attempt first. */
    public List<Response> toGrade(long quizId) {
        return db.inTransaction(em -> em.createQuery("select r from Response r, Attempt a where r.attemptId = a.id and a.quizId = :q and a.state = 'finished'"
                + " and r.fraction is null and r.mark > 0 order by a.finishedAt, a.id, r.slot", Response.class).setParameter("q", quizId).getResultList());
    }

    /** Sets one response's grade and its attempt's new total in one transaction; false unless the attempt is finished. */
    public boolean grade(long attemptId, int slot, double fraction, String feedback, java.util.function.Function<List<Response>, Double> total) {
        return db.inTransaction(em -> {
            Attempt a = em.find(Attempt.class, attemptId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (a == null || !"finished".equals(a.state)) return false;
            List<Response> rs = em.createQuery("select r from Response r where r.attemptId = :a order by r.slot", Response.class).setParameter("a", attemptId).getResultList();
            Response r = rs.stream().filter(x -> x.slot == slot).findFirst().orElse(null);
            if (r == null) return false;
            r.fraction = fraction;
            r.feedback = feedback;
            a.grade = total.apply(rs);
            return true;
        });
    }

    /** Regrades a finished attempt: each response may move to another version of its question and get a new fraction. */
    public void regrade(long attemptId, Map<Integer, Long> questions, Map<Integer, Double> fractions, Map<Integer, String> feedback,
                        java.util.function.Function<List<Response>, Double> total) {
        db.run(em -> {
            Attempt a = em.find(Attempt.class, attemptId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (a == null || !"finished".equals(a.state)) return;
            List<Response> rs = em.createQuery("select r from Response r where r.attemptId = :a order by r.slot", Response.class).setParameter("a", attemptId).getResultList();
            for (Response r : rs) {
                if (questions.containsKey(r.slot)) r.questionId = questions.get(r.slot);
                if (fractions.containsKey(r.slot)) {
                    r.fraction = fractions.get(r.slot);
                    r.feedback = feedback.get(r.slot);
                }
            }
            a.grade = total.apply(rs);
        });
    }
}
