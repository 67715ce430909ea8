package eu.somep.bestpractice.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A case of police use of social media. Entities stay inside the store and the service; pages and API see records. */
@Entity
@Table(name = "bestpractice_case")
public class PracticeCase {
    public static final String PUBLISHED = "published";
    public static final String PROPOSED = "proposed";
    public static final String RETIRED = "retired";
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 2)
    public String country;
    @Column(nullable = false, length = 500)
    public String organisation;
    @Column(name = "year_text", nullable = false, length = 32)
    public String yearText;
    @Column(name = "year_from", nullable = false)
    public int yearFrom;
    @Column(name = "year_to", nullable = false)
    public int yearTo;
    @Column(nullable = false, length = 500)
    public String platforms;
    @Column(nullable = false, length = 40)
    public String category;
    @Column(nullable = false, length = 10000)
    public String summary;
    @Column(nullable = false, length = 10000)
    public String outcome;
    /** One source per line. */
    @Column(nullable = false, length = 10000)
    public String sources;
    @Column(nullable = false)
    public boolean composite;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(nullable = false)
    public int version;
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
    @Column(name = "modified_by")
    public Long modifiedBy;
    @Column(name = "proposed_by")
    public Long proposedBy;
}
