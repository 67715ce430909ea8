package eu.somep.forum.internal;

import eu.somep.api.persistence.Database;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The queries of subscriptions, mail preferences and the mail queue. */
public final class SubscriptionStore {
    private final Database db;
    /** For the one write here that changes a forum, which the forum store caches. */
    private final Database forums;

    public SubscriptionStore(ForumStore store) {
        this.db = store.reading();
        this.forums = store.writing();
    }

    // ---- subscriptions

    public void setMode(long forumId, String mode) {
        forums.run(em -> em.find(Forum.class, forumId).subscription = mode);
    }

    /** The user's own row for the forum (discussion null) or a discussion: TRUE, FALSE (opted out) or none. */
    public Optional<Boolean> row(long forumId, Long discussionId, long userId) {
        return db.inTransaction(em -> row(em, forumId, discussionId, userId));
    }

    private static Optional<Boolean> row(EntityManager em, long forumId, Long discussionId, long userId) {
        List<?> r = (discussionId == null
                ? em.createNativeQuery("SELECT subscribed FROM forum_subscription WHERE forum_id = ? AND discussion_id IS NULL AND user_id = ?")
                        .setParameter(1, forumId).setParameter(2, userId)
                : em.createNativeQuery("SELECT subscribed FROM forum_subscription WHERE forum_id = ? AND discussion_id = ? AND user_id = ?")
                        .setParameter(1, forumId).setParameter(2, discussionId).setParameter(3, userId)).getResultList();
        return r.isEmpty() ? Optional.empty() : Optional.of(Boolean.TRUE.equals(r.get(0)));
    }

    /** Sets the user's row for a forum (discussion null) or discussion; null removes it. */
    public void set(long forumId, Long discussionId, long userId, Boolean subscribed) {
        db.run(em -> set(em, forumId, discussionId, userId, subscribed));
    }

    private static void set(EntityManager em, long forumId, Long discussionId, long userId, Boolean subscribed) {
        if (discussionId == null) {
            em.createNativeQuery("DELETE FROM forum_subscription WHERE forum_id = ? AND discussion_id IS NULL AND user_id = ?")
                    .setParameter(1, forumId).setParameter(2, userId).executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM forum_subscription WHERE forum_id = ? AND discussion_id = ? AND user_id = ?")
                    .setParameter(1, forumId).setParameter(2, discussionId).setParameter(3, userId).executeUpdate();
        }
        if (subscribed == null) return;
        if (discussionId == null) {
            em.createNativeQuery("INSERT INTO forum_subscription (forum_id, discussion_id, user_id, subscribed, created_at) VALUES (?,NULL,?,?,?)")
                    .setParameter(1, forumId).setParameter(2, userId).setParameter(3, subscribed).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO forum_subscription (forum_id, discussion_id, user_id, subscribed, created_at) VALUES (?,?,?,?,?)")
                    .setParameter(1, forumId).setParameter(2, discussionId).setParameter(3, userId).setParameter(4, subscribed)
                    .setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        }
    }

    /** Unsubscribes from a forum: its forum row and every discussion subscription in it go; opt-outs stay. */
    public void leaveForum(long forumId, long userId) {
        db.run(em -> em.createNativeQuery("DELETE FROM forum_subscription WHERE forum_id = ? AND user_id = ? AND (discussion_id IS NULL OR subscribed = TRUE)")
                .setParameter(1, forumId).setParameter(2, userId).executeUpdate());
    }

    /** Posting in an "auto" forum subscribes the author to the discussion, unless they opted out of it. */
    public void autoSubscribe(long forumId, long discussionId, long userId) {
        db.run(em -> {
            if (row(em, forumId, discussionId, userId).isEmpty()) set(em, forumId, discussionId, userId, true);
        });
    }

    /** Who follows a discussion by subscription: the forum's subscribers who did not opt out of it, and its own subscribers. */
    public Set<Long> subscribers(long forumId, long discussionId) {
        return db.inTransaction(em -> {
            Set<Long> out = new LinkedHashSet<>();
            for (Object u : em.createNativeQuery("SELECT s.user_id FROM forum_subscription s WHERE s.forum_id = ? AND s.discussion_id IS NULL AND s.subscribed = TRUE "
                    + "AND NOT EXISTS (SELECT 1 FROM forum_subscription o WHERE o.discussion_id = ? AND o.user_id = s.user_id AND o.subscribed = FALSE)")
                    .setParameter(1, forumId).setParameter(2, discussionId).getResultList()) out.add(((Number) u).longValue());
            for (Object u : em.createNativeQuery("SELECT user_id FROM forum_subscription WHERE discussion_id = ? AND subscribed = TRUE")
                    .setParameter(1, discussionId).getResultList()) out.add(((Number) u).longValue());
            return out;
        });
    }

    // ---- preferences

    /** A user's subscription rows for a forum and one of its discussions, and their digest choice, in one transaction. */
    public record State(Optional<Boolean> forum, Optional<Boolean> discussion, boolean digest) {
    }

    public State state(long forumId, Long discussionId, long userId) {
        // one statement: the discussion page asks this on every visit. Scalar subqueries, not UNION ALL: H2 keeps a
        // parsed plain SELECT in its per-connection query cache but parses a UNION again on every call (about 5% of
        // the discussion page's CPU in a profile). MAX because nothing makes a row unique (a delete and an insert).
        // Named columns: Hibernate reads the labels, and H2 labels an unnamed subquery with its whole SQL text.
        return db.inTransaction(em -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT "
                            + "(SELECT MAX(CASE WHEN subscribed THEN 1 ELSE 0 END) FROM forum_subscription WHERE forum_id = ? AND discussion_id IS NULL AND user_id = ?) AS f, "
                            + "(SELECT MAX(CASE WHEN subscribed THEN 1 ELSE 0 END) FROM forum_subscription WHERE forum_id = ? AND discussion_id = ? AND user_id = ?) AS d, "
                            + "(SELECT MAX(CASE WHEN digest THEN 1 ELSE 0 END) FROM forum_preference WHERE user_id = ?) AS p")
                    .setParameter(1, forumId).setParameter(2, userId).setParameter(3, forumId).setParameter(4, discussionId == null ? -1L : discussionId)
                    .setParameter(5, userId).setParameter(6, userId).getSingleResult();
            Optional<Boolean> forum = flag(r[0]), discussion = flag(r[1]);
            boolean digest = flag(r[2]).orElse(false);
            return new State(forum, discussion, digest);
        });
    }

    private static Optional<Boolean> flag(Object v) {
        return v == null ? Optional.empty() : Optional.of(((Number) v).intValue() == 1);
    }

    public boolean digest(long userId) {
        return db.inTransaction(em -> {
            List<?> r = em.createNativeQuery("SELECT digest FROM forum_preference WHERE user_id = ?").setParameter(1, userId).getResultList();
            return !r.isEmpty() && Boolean.TRUE.equals(r.get(0));
        });
    }

    public void setDigest(long userId, boolean digest) {
        db.run(em -> {
            em.createNativeQuery("DELETE FROM forum_preference WHERE user_id = ?").setParameter(1, userId).executeUpdate();
            em.createNativeQuery("INSERT INTO forum_preference (user_id, digest) VALUES (?,?)").setParameter(1, userId).setParameter(2, digest).executeUpdate();
        });
    }

    // ---- the queue

    /** Posts whose recipients are not yet in the queue, oldest first. */
    public List<Post> unqueued(int limit) {
        return db.inTransaction(em -> em.createQuery("select p from Post p where p.queued = false order by p.id", Post.class).setMaxResults(limit).getResultList());
    }

    /** Puts a post's recipients in the queue and marks it queued, in one transaction. */
    public void enqueue(long postId, Collection<Long> recipients) {
        db.run(em -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (long u : recipients) {
                em.createNativeQuery("INSERT INTO forum_queue (post_id, user_id, created_at) VALUES (?,?,?)")
                        .setParameter(1, postId).setParameter(2, u).setParameter(3, now).executeUpdate();
            }
            em.createNativeQuery("UPDATE forum_post SET queued = TRUE WHERE id = ?").setParameter(1, postId).executeUpdate();
        });
    }

    /** Queued mails {postId, userId} for recipients who want each post (digest FALSE) or the digest (TRUE), oldest first. */
    public List<long[]> queued(boolean digest, int limit) {
        return db.inTransaction(em -> {
            List<long[]> out = new ArrayList<>();
            String where = digest ? "p.digest = TRUE" : "(p.digest IS NULL OR p.digest = FALSE)";
            for (Object row : em.createNativeQuery("SELECT q.post_id, q.user_id FROM forum_queue q LEFT JOIN forum_preference p ON p.user_id = q.user_id WHERE "
                    + where + " ORDER BY q.user_id, q.created_at, q.post_id").setMaxResults(limit).getResultList()) {
                Object[] r = (Object[]) row;
                out.add(new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
            }
            return out;
        });
    }

    public void dequeue(long postId, long userId) {
        db.run(em -> em.createNativeQuery("DELETE FROM forum_queue WHERE post_id = ? AND user_id = ?").setParameter(1, postId).setParameter(2, userId).executeUpdate());
    }

    // ---- state

    public Optional<String> state(String name) {
        return db.inTransaction(em -> {
            List<?> r = em.createNativeQuery("SELECT state_value FROM forum_state WHERE state_key = ?").setParameter(1, name).getResultList();
            return r.isEmpty() ? Optional.<String>empty() : Optional.of((String) r.get(0));
        });
    }

    public void setState(String name, String value) {
        db.run(em -> {
            em.createNativeQuery("DELETE FROM forum_state WHERE state_key = ?").setParameter(1, name).executeUpdate();
            em.createNativeQuery("INSERT INTO forum_state (state_key, state_value) VALUES (?,?)").setParameter(1, name).setParameter(2, value).executeUpdate();
        });
    }

    /** The key that signs unsubscribe links: made once, at random, and kept. */
    public byte[] signingKey() {
        Optional<String> key = state("mail.key");
        if (key.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                db.run(em -> em.createNativeQuery("INSERT INTO forum_state (state_key, state_value) VALUES (?,?)").setParameter(1, "mail.key")
                        .setParameter(2, HexFormat.of().formatHex(fresh)).executeUpdate());
            } catch (RuntimeException raced) {
                // another node made it first: use theirs
            }
            key = state("mail.key");
        }
        return HexFormat.of().parseHex(key.orElseThrow());
    }
}
