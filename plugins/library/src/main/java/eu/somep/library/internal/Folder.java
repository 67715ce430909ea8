package eu.somep.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A folder (a collection) of documents and links: on the site, or a library-folder activity in a course ({@code activityId}). */
@Entity
@Table(name = "library_folder")
public class Folder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "activity_id")
    public Long activityId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, length = 4000)
    public String description;
    /** public, members or course: see {@link Visibility}. */
    @Column(nullable = false, length = 16)
    public String visibility;
    @Column(name = "created_by", nullable = false)
    public long createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
