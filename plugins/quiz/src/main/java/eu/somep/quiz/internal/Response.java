package eu.somep.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer to one slot of an attempt, with the question version it uses. */
@Entity
@Table(name = "quiz_response")
public class Response {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "attempt_id", nullable = false)
    public long attemptId;
    @Column(nullable = false)
    public int slot;
    @Column(name = "question_id", nullable = false)
    public long questionId;
    @Column(nullable = false)
    public double mark;
    @Column(nullable = false, length = 1000)
    public String state;
    @Column(length = 5000)
    public String response;
    /** Raised by every save; a save names the sequence it saw. */
    @Column(nullable = false)
    public int seq;
    public Double fraction;
    @Column(length = 5000)
    public String feedback;
}
