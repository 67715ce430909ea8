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
}
