package eu.somep.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A question of a quiz, by family. */
@Entity
@Table(name = "quiz_slot")
public class Slot {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "quiz_id", nullable = false)
    public long quizId;
    @Column(nullable = false)
    public int slot;
    @Column(name = "family_id", nullable = false)
    public long familyId;
    @Column(nullable = false)
    public double mark;
}
