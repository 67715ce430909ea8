package ${package}.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One item; the table is made by db/migration/${component}/V1__create.sql, never by Hibernate. */
@Entity
@Table(name = "${component}_item")
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 200)
    public String title;
    @Column(nullable = false, length = 4000)
    public String text;
    /** The kernel user who added it (null once erased): plugins refer to kernel objects by id. */
    @Column(name = "author_id")
    public Long authorId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String getTitle() { return title; }
    public String getText() { return text; }
}
