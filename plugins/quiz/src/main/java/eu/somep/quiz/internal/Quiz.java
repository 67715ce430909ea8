package eu.somep.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A quiz activity and its settings. */
@Entity
@Table(name = "quiz_quiz")
public class Quiz {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public static final java.util.List<String> GRADING = java.util.List.of("highest", "average", "first", "last");
    @Column(name = "activity_id")
    public Long activityId;
    @Column(nullable = false, length = 20000)
    public String intro;
    @Column(name = "open_at")
    public Instant openAt;
    @Column(name = "close_at")
    public Instant closeAt;
    /** Seconds; 0: no limit. */
    @Column(name = "time_limit", nullable = false)
    public int timeLimit;
    /** 0: unlimited. */
    @Column(nullable = false)
    public int attempts;
    @Column(nullable = false)
    public String grading;
    @Column(name = "pass_grade", nullable = false)
    public double passGrade;
    @Column(name = "max_grade", nullable = false)
    public double maxGrade;
    public static final java.util.List<String> OVERDUE = java.util.List.of("autosubmit", "graceperiod", "autoabandon");
    /** What happens when the time is up: the saved answers are submitted, the trainee has a grace period to submit, or the attempt is abandoned. */
    @Column(nullable = false)
    public String overdue = "autosubmit";
    /** Seconds after the deadline a trainee may still submit (graceperiod). */
    @Column(nullable = false)
    public int grace;
    public static final java.util.List<String> WHEN = java.util.List.of("after", "closed", "never");
    /** When a trainee may review their responses, marks, feedback and the right answers: after finishing, after the quiz closes, never. */
    @Column(name = "review_responses", nullable = false)
    public String reviewResponses = "after";
    @Column(name = "review_marks", nullable = false)
    public String reviewMarks = "after";
    @Column(name = "review_feedback", nullable = false)
    public String reviewFeedback = "after";
    @Column(name = "review_answers", nullable = false)
    public String reviewAnswers = "after";
    /** Overall feedback by grade band, one a line: lowest percentage | text (the highest band reached applies). */
    @Column(name = "feedback", nullable = false, length = 20000)
    public String feedback = "";
    /** Questions a page; 0: all on one page. */
    @Column(name = "per_page", nullable = false)
    public int perPage;
    public static final java.util.List<String> NAVIGATION = java.util.List.of("free", "sequential");
    /** free: any page in any order; sequential: forward only, answers only on the current page. */
    @Column(nullable = false)
    public String navigation = "free";
    /** Whether each attempt shows the questions in an order of its own, fixed when it starts. */
    @Column(nullable = false)
    public boolean shuffle;
}
