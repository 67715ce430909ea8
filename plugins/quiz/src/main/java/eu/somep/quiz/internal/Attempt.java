package eu.somep.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An attempt of a user at a quiz. */
@Entity
@Table(name = "quiz_attempt")
public class Attempt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "quiz_id", nullable = false)
    public long quizId;
    @Column(name = "user_id", nullable = false)
    public long userId;
    @Column(nullable = false)
    public int number;
    /** inprogress or finished. */
    @Column(nullable = false)
    public String state;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    /** After it no answer is taken; null: none. */
    public Instant deadline;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** Out of the max grade of the quiz, once finished. */
    public Double grade;
    /** The slots in the order shown, pages separated by '|' (e.g. "3,1|2,4"), fixed at the start; null: one page in slot order (older attempts). */
    @Column(length = 4000)
    public String layout;
    /** The page (from 1) a sequential attempt has reached. */
    @Column(name = "current_page", nullable = false)
    public int currentPage = 1;
}
