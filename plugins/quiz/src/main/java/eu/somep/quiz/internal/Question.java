package eu.somep.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a question; the versions of a question share its family id (the first version's id). */
@Entity
@Table(name = "quiz_question")
public class Question {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "category_id", nullable = false)
    public long categoryId;
    @Column(name = "family_id")
    public Long familyId;
    @Column(nullable = false)
    public int version;
    @Column(nullable = false)
    public boolean latest;
    @Column(name = "qtype", nullable = false)
    public String type;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, length = 20000)
    public String text;
    /** key=value pairs separated by newlines. */
    @Column(nullable = false, length = 1000)
    public String options;
    /** One answer a line: fraction, tolerance, text and feedback separated by tabs (escaped). */
    @Column(nullable = false, length = 20000)
    public String answers;
    /** Shown in the review to everyone, whatever they answered. */
    @Column(name = "general_feedback", nullable = false, length = 20000)
    public String generalFeedback = "";
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
