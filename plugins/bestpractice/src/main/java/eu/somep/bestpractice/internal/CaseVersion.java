package eu.somep.bestpractice.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An earlier version of a case, kept when a curator edits or retires it. */
@Entity
@Table(name = "bestpractice_case_version")
public class CaseVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id", nullable = false)
    public long caseId;
    @Column(nullable = false)
    public int version;
    @Column(nullable = false, length = 2)
    public String country;
    @Column(nullable = false, length = 500)
    public String organisation;
    @Column(name = "year_text", nullable = false, length = 32)
    public String yearText;
    @Column(nullable = false, length = 500)
    public String platforms;
    @Column(nullable = false, length = 40)
    public String category;
    @Column(nullable = false, length = 10000)
    public String summary;
    @Column(nullable = false, length = 10000)
    public String outcome;
    @Column(nullable = false, length = 10000)
    public String sources;
    @Column(nullable = false)
    public boolean composite;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
    @Column(name = "modified_by")
    public Long modifiedBy;
}
