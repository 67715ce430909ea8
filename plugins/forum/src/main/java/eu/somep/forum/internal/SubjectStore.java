package eu.somep.forum.internal;

import eu.somep.api.persistence.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which site forum belongs to a plugin (key: the component) and which discussion to a subject (key:
 * {@code component:subject}). The key is the primary key, so two people starting the same discussion at once
 * cannot make two: the second insert fails, its transaction rolls back with the discussion it made, and the
 * caller reads the first one.
 */
public final class SubjectStore {
    private final Database db;
    private final Database plain;

    /** Through the forum store's transactions, so that a discussion or forum made here drops its read cache. */
    public SubjectStore(ForumStore store) {
        this.db = store.writing();
        this.plain = store.reading();
    }

    private Optional<Long> one(String sql, String key) {
        return plain.inTransaction(em -> {
            List<?> r = em.createNativeQuery(sql).setParameter(1, key).getResultList();
            return r.isEmpty() || r.get(0) == null ? Optional.<Long>empty() : Optional.of(((Number) r.get(0)).longValue());
        });
    }

    public Optional<Long> forum(String component) {
        return one("SELECT forum_id FROM forum_subject WHERE subject = ? AND discussion_id IS NULL", component);
    }

    public Optional<Long> discussion(String key) {
        return one("SELECT discussion_id FROM forum_subject WHERE subject = ?", key);
    }

    /** Makes the plugin's site forum and records it; throws when another request recorded one first. */
    public long createForum(String component, String category, String name, String intro) {
        return db.inTransaction(em -> {
            Forum f = new Forum();
            f.category = category;
            f.name = name;
            f.intro = intro;
            f.type = "standard";
            f.subscription = "optional";
            f.createdAt = Instant.now();
            em.persist(f);
            em.flush();
            em.createNativeQuery("INSERT INTO forum_subject (subject, forum_id, discussion_id) VALUES (?, ?, NULL)")
                    .setParameter(1, component).setParameter(2, f.id).executeUpdate();
            return f.id;
        });
    }

    /** Starts the subject's discussion and records it, in one transaction; throws when another request recorded one first. */
    public Discussion start(String key, long forumId, String title, long authorId, String body) {
        return db.inTransaction(em -> {
            Discussion d = ForumStore.start(em, forumId, title, authorId, body);
            em.createNativeQuery("INSERT INTO forum_subject (subject, forum_id, discussion_id) VALUES (?, ?, ?)")
                    .setParameter(1, key).setParameter(2, forumId).setParameter(3, d.id).executeUpdate();
            return d;
        });
    }
}
