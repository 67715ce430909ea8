package eu.somep.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document (a file with versions) or a link to an external report ({@code url}), with its metadata and counters. */
@Entity
@Table(name = "library_document")
public class Document {
    public static final java.util.List<String> TYPES = java.util.List.of("report", "study", "guideline", "policy", "training", "presentation");
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "folder_id", nullable = false)
    public long folderId;
    /** Null for a file; the address of a link. */
    @Column(length = 2000)
    public String url;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false, length = 1000)
    public String authors;
    @Column(name = "pub_year")
    public Integer year;
    /** ISO 639-1, lower case; empty when unknown. */
    @Column(nullable = false, length = 8)
    public String language;
    /** ISO 3166-1 alpha-2 (or EU), upper case; empty when unknown. */
    @Column(nullable = false, length = 8)
    public String country;
    /** One of {@link #TYPES}. */
    @Column(name = "doc_type", nullable = false, length = 16)
    public String type;
    @Column(nullable = false, length = 4000)
    public String description;
    @Column(nullable = false, length = 1000)
    public String tags;
    @Column(nullable = false, length = 1000)
    public String source;
    /** public, members or course: see {@link Visibility}. */
    @Column(nullable = false, length = 16)
    public String visibility;
    @Column(name = "owner_id", nullable = false)
    public long ownerId;
    @Column(name = "current_version")
    public Long currentVersion;
    @Column(nullable = false)
    public long views;
    @Column(nullable = false)
    public long downloads;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isLink() {
        return url != null;
    }
}
