package eu.somep.forum.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A forum: site-wide ({@code activityId} null) or a forum activity in a course. Entities stay inside the store. */
@Entity
@Table(name = "forum_forum")
public class Forum {
    public static final java.util.List<String> TYPES = java.util.List.of("standard", "qanda", "single", "news");
    /** Subscription modes: people choose; every reader gets every post; posting subscribes; no mail. */
    public static final java.util.List<String> MODES = java.util.List.of("optional", "forced", "auto", "disabled");
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "activity_id")
    public Long activityId;
    @Column(nullable = false)
    public String category;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, length = 20000)
    public String intro;
    @Column(nullable = false, length = 16)
    public String type;
    /** optional, forced, auto or disabled: see {@link #MODES}. */
    @Column(nullable = false, length = 16)
    public String subscription;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
