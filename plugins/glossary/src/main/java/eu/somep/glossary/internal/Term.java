package eu.somep.glossary.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A glossary entry; what it is called and means in each language are its {@link Translation}s. */
@Entity
@Table(name = "glossary_term")
public class Term {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The kernel user who added it (null for seeded terms and once erased). */
    @Column(name = "author_id")
    public Long authorId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
