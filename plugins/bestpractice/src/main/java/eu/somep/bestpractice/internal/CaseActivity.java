package eu.somep.bestpractice.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A best-practice activity in a course: one case ({@code caseId}) or a category's collection ({@code category}). */
@Entity
@Table(name = "bestpractice_activity")
public class CaseActivity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "activity_id")
    public Long activityId;
    @Column(name = "case_id")
    public Long caseId;
    @Column(length = 40)
    public String category;
}
