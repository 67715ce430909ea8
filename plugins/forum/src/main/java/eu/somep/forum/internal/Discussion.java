package eu.somep.forum.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "forum_discussion")
public class Discussion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "forum_id", nullable = false)
    public long forumId;
    @Column(nullable = false)
    public String title;
    @Column(name = "author_id", nullable = false)
    public long authorId;
    @Column(nullable = false)
    public boolean pinned;
    @Column(nullable = false)
    public boolean locked;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_post_at", nullable = false)
    public Instant lastPostAt;
}
