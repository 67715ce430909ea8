package eu.somep.forum.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "forum_post")
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "discussion_id", nullable = false)
    public long discussionId;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "author_id", nullable = false)
    public long authorId;
    /** Sanitised HTML. */
    @Column(nullable = false, length = 100000)
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
    @Column(nullable = false)
    public boolean deleted;
    /** Whether its recipients have been put in the mail queue (new posts: not yet). */
    @Column(nullable = false)
    public boolean queued;
}
