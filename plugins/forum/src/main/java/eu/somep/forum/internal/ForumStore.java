package eu.somep.forum.internal;

import eu.somep.api.persistence.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Every query of the forum plugin. */
public final class ForumStore {
    /** Every transaction through this one counts as a write and drops the cached plain (see {@link ReadCache}). */
    private final Database db;
    /** Transactions that only read; used by the cached plain below and by plain of per-user state. */
    private final Database plain;
    private final ReadCache cache = new ReadCache();

    public ForumStore(Database db) {
        this.plain = db;
        this.db = new Database() {
            @Override
            public <T> T inTransaction(Function<EntityManager, T> work) {
                try {
                    return db.inTransaction(work);
                } finally {
                    cache.changed(); // after the commit (or the rollback): a read that raced it is tagged stale
                    onWrite.run();
                }
            }
        };
    }

    private volatile Runnable onWrite = () -> { };

    /** Called after every write transaction (the other nodes of a cluster drop their read cache too). */
    public void onWrite(Runnable r) {
        onWrite = r;
    }

    /** Another node of a cluster wrote: drop the read cache. */
    public void changedElsewhere() {
        cache.changed();
    }

    /** For the other stores of this package: writes through {@link #writing()} drop the read cache. */
    Database writing() { return db; }

    Database reading() { return plain; }

    // ---- forums

    public List<Forum> siteForums() {
        return plain.inTransaction(em -> em.createQuery("select f from Forum f where f.activityId is null order by f.category, f.name", Forum.class).getResultList());
    }

    public List<Forum> courseForums() {
        return plain.inTransaction(em -> em.createQuery("select f from Forum f where f.activityId is not null", Forum.class).getResultList());
    }

    public Optional<Forum> forum(long id) {
        return cache.get("forum", id, () -> Optional.ofNullable(plain.inTransaction(em -> em.find(Forum.class, id))));
    }

    public Forum saveForum(Long id, Long activityId, String category, String name, String intro, String type) {
        return db.inTransaction(em -> {
            Forum f = id == null ? new Forum() : em.find(Forum.class, id);
            if (id == null) {
                f.activityId = activityId;
                f.createdAt = Instant.now();
                f.type = type;
                f.subscription = "news".equals(type) ? "forced" : "optional";
            }
            f.category = category;
            f.name = name;
            f.intro = intro;
            if (id == null) em.persist(f);
            return f;
        });
    }

    public void setActivity(long forumId, long activityId) {
        db.run(em -> em.find(Forum.class, forumId).activityId = activityId);
    }

    public void deleteForum(long id) {
        db.run(em -> {
            Forum f = em.find(Forum.class, id);
            if (f != null) em.remove(f);
        });
    }

    // ---- discussions and posts

    /** One page of a forum's discussions (pinned first, then by last post), and how many there are in all. */
    public List<Discussion> discussions(long forumId, int offset, int limit) {
        if (offset == 0 && limit == 50) return cache.get("firstpage", forumId, () -> List.copyOf(plain.inTransaction(em -> em.createQuery("select d from Discussion d where d.forumId = :f order by d.pinned desc, d.lastPostAt desc, d.id desc", Discussion.class)
                .setParameter("f", forumId).setFirstResult(0).setMaxResults(50).getResultList())));
        return plain.inTransaction(em -> em.createQuery("select d from Discussion d where d.forumId = :f order by d.pinned desc, d.lastPostAt desc, d.id desc", Discussion.class)
                .setParameter("f", forumId).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long countDiscussions(long forumId) {
        return cache.get("count", forumId, () -> plain.inTransaction(em -> em.createQuery("select count(d) from Discussion d where d.forumId = :f", Long.class).setParameter("f", forumId).getSingleResult()));
    }

    public List<Discussion> discussions(long forumId) {
        return plain.inTransaction(em -> em.createQuery("select d from Discussion d where d.forumId = :f order by d.pinned desc, d.lastPostAt desc, d.id desc", Discussion.class)
                .setParameter("f", forumId).getResultList());
    }

    public Optional<Discussion> discussion(long id) {
        return cache.get("discussion", id, () -> Optional.ofNullable(plain.inTransaction(em -> em.find(Discussion.class, id))));
    }

    /** A new discussion with its first post; returns the discussion. */
    public Discussion startDiscussion(long forumId, String title, long authorId, String body) {
        return db.inTransaction(em -> start(em, forumId, title, authorId, body));
    }

    /** Starts a discussion inside the caller's transaction (so that a caller can record more in the same one). */
    static Discussion start(EntityManager em, long forumId, String title, long authorId, String body) {
        Instant now = Instant.now();
        Discussion d = new Discussion();
        d.forumId = forumId;
        d.title = title;
        d.authorId = authorId;
        d.createdAt = now;
        d.lastPostAt = now;
        em.persist(d);
        em.flush();
        Post p = new Post();
        p.discussionId = d.id;
        p.authorId = authorId;
        p.body = body;
        p.createdAt = now;
        p.modifiedAt = now;
        em.persist(p);
        return d;
    }

    public List<Post> posts(long discussionId) {
        return plain.inTransaction(em -> em.createQuery("select p from Post p where p.discussionId = :d order by p.createdAt, p.id", Post.class)
                .setParameter("d", discussionId).getResultList());
    }

    public Optional<Post> post(long id) {
        return Optional.ofNullable(plain.inTransaction(em -> em.find(Post.class, id)));
    }

    public Post reply(long discussionId, long parentId, long authorId, String body) {
        return db.inTransaction(em -> {
            Instant now = Instant.now();
            Post p = new Post();
            p.discussionId = discussionId;
            p.parentId = parentId;
            p.authorId = authorId;
            p.body = body;
            p.createdAt = now;
            p.modifiedAt = now;
            em.persist(p);
            em.find(Discussion.class, discussionId).lastPostAt = now;
            return p;
        });
    }

    /** Changes a post's text, keeping the old text in its history. */
    public void edit(long postId, String body, long editorId) {
        db.run(em -> {
            Post p = em.find(Post.class, postId);
            em.createNativeQuery("INSERT INTO forum_post_history (post_id, body, editor_id, edited_at) VALUES (?,?,?,?)")
                    .setParameter(1, postId).setParameter(2, p.body).setParameter(3, editorId).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            p.body = body;
            p.modifiedAt = Instant.now();
        });
    }

    /** The earlier versions of a post, oldest first: {body, editorId, editedAt}. */
    public List<Object[]> history(long postId) {
        return plain.inTransaction(em -> {
            List<Object[]> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT body, editor_id, edited_at FROM forum_post_history WHERE post_id = ? ORDER BY edited_at, id")
                    .setParameter(1, postId).getResultList()) out.add((Object[]) r);
            return out;
        });
    }

    /** A deleted reply stays as a marker (its replies keep their place); its text is kept only in the history. */
    public void deletePost(long postId, long by) {
        db.run(em -> {
            Post p = em.find(Post.class, postId);
            em.createNativeQuery("INSERT INTO forum_post_history (post_id, body, editor_id, edited_at) VALUES (?,?,?,?)")
                    .setParameter(1, postId).setParameter(2, p.body).setParameter(3, by).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            p.deleted = true;
            p.body = "";
        });
    }

    public void deleteDiscussion(long id) {
        db.run(em -> {
            Discussion d = em.find(Discussion.class, id);
            if (d != null) em.remove(d);
        });
    }

    public void setPinned(long id, boolean pinned) {
        db.run(em -> em.find(Discussion.class, id).pinned = pinned);
    }

    public void setLocked(long id, boolean locked) {
        db.run(em -> em.find(Discussion.class, id).locked = locked);
    }

    public void move(long discussionId, long forumId) {
        db.run(em -> em.find(Discussion.class, discussionId).forumId = forumId);
    }

    /**
     * Splits a reply and everything below it into a new discussion of the same forum, with the reply as its first
     * post (moderators do this when a thread wanders off its subject). Returns the new discussion.
     */
    public Discussion split(long postId, String title) {
        return db.inTransaction(em -> {
            Post root = em.find(Post.class, postId);
            Discussion from = em.find(Discussion.class, root.discussionId);
            List<Post> all = em.createQuery("select p from Post p where p.discussionId = :d order by p.createdAt, p.id", Post.class)
                    .setParameter("d", from.id).getResultList();
            Set<Long> moving = new HashSet<>(List.of(root.id));
            for (Post p : all) if (p.parentId != null && moving.contains(p.parentId)) moving.add(p.id); // in time order, parents come first
            Discussion to = new Discussion();
            to.forumId = from.forumId;
            to.title = title;
            to.authorId = root.authorId;
            to.createdAt = root.createdAt;
            to.lastPostAt = root.createdAt;
            em.persist(to);
            em.flush();
            for (Post p : all) {
                if (!moving.contains(p.id)) continue;
                p.discussionId = to.id;
                if (p.createdAt.isAfter(to.lastPostAt)) to.lastPostAt = p.createdAt;
            }
            root.parentId = null;
            Instant last = from.createdAt;
            for (Post p : all) if (!moving.contains(p.id) && p.createdAt.isAfter(last)) last = p.createdAt;
            from.lastPostAt = last;
            return to;
        });
    }

    public boolean hasPosted(long discussionId, long userId) {
        return plain.inTransaction(em -> em.createQuery("select count(p) from Post p where p.discussionId = :d and p.authorId = :u and p.deleted = false", Long.class)
                .setParameter("d", discussionId).setParameter("u", userId).getSingleResult() > 0);
    }

    // ---- unread tracking

    public void markRead(long userId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return;
        try {
            insertReadMarks(userId, postIds);
        } catch (PersistenceException e) {
            // two first visits at once (two tabs, a page and its feed) both found the posts unread: the other one
            // committed first, so the second try skips what it marked
            insertReadMarks(userId, postIds);
        }
    }

    private void insertReadMarks(long userId, Collection<Long> postIds) {
        plain.run(em -> {
            Set<Long> already = new HashSet<>();
            for (Object id : em.createNativeQuery("SELECT post_id FROM forum_read WHERE user_id = :u AND post_id IN (:ids)")
                    .setParameter("u", userId).setParameter("ids", postIds).getResultList()) {
                already.add(((Number) id).longValue());
            }
            for (long id : postIds) {
                if (already.contains(id)) continue;
                em.createNativeQuery("INSERT INTO forum_read (user_id, post_id) VALUES (?,?)").setParameter(1, userId).setParameter(2, id).executeUpdate();
            }
        });
    }

    /** discussion id → posts the user has not read, for some discussions. */
    public Map<Long, Integer> unread(long userId, Collection<Long> discussionIds) {
        if (discussionIds.isEmpty()) return Map.of();
        return plain.inTransaction(em -> {
            Map<Long, Integer> out = new HashMap<>();
            for (Object row : em.createNativeQuery("SELECT p.discussion_id, COUNT(*) FROM forum_post p "
                    + "WHERE p.discussion_id IN (:ids) AND p.deleted = FALSE AND NOT EXISTS (SELECT 1 FROM forum_read r WHERE r.user_id = :u AND r.post_id = p.id) GROUP BY p.discussion_id")
                    .setParameter("ids", discussionIds).setParameter("u", userId).getResultList()) {
                Object[] r = (Object[]) row;
                out.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
            }
            return out;
        });
    }

    public void markForumRead(long userId, long forumId) {
        List<Long> ids = plain.inTransaction(em -> {
            List<Long> out = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT p.id FROM forum_post p JOIN forum_discussion d ON d.id = p.discussion_id WHERE d.forum_id = ?")
                    .setParameter(1, forumId).getResultList()) out.add(((Number) id).longValue());
            return out;
        });
        markRead(userId, ids);
    }

    // ---- reactions and reports

    /** Marks or unmarks a post as helpful for a user; true when it is now marked. */
    public boolean toggleHelpful(long postId, long userId) {
        return db.inTransaction(em -> {
            int removed = em.createNativeQuery("DELETE FROM forum_reaction WHERE post_id = ? AND user_id = ?").setParameter(1, postId).setParameter(2, userId).executeUpdate();
            if (removed > 0) return false;
            em.createNativeQuery("INSERT INTO forum_reaction (post_id, user_id) VALUES (?,?)").setParameter(1, postId).setParameter(2, userId).executeUpdate();
            return true;
        });
    }

    /** post id → helpful count, for the posts of a discussion. */
    public Map<Long, Integer> helpful(long discussionId) {
        return plain.inTransaction(em -> helpful(em, discussionId));
    }

    private static Map<Long, Integer> helpful(EntityManager em, long discussionId) {
        Map<Long, Integer> out = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT r.post_id, COUNT(*) FROM forum_reaction r JOIN forum_post p ON p.id = r.post_id WHERE p.discussion_id = ? GROUP BY r.post_id")
                .setParameter(1, discussionId).getResultList()) {
            Object[] r = (Object[]) row;
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return out;
    }

    /** Everything the discussion page shows; {@code read} is empty for guests. */
    public record Thread(List<Post> posts, Map<Long, Integer> helpful, Map<Long, List<Attachment>> files, Set<Long> read) {
    }

    /** What a discussion shows to everyone, read in one transaction and kept until the next write. */
    private record Content(List<Post> posts, Map<Long, Integer> helpful, Map<Long, List<Attachment>> files) {
    }

    public Thread thread(long discussionId, Long userId) {
        Content c = cache.get("thread", discussionId, () -> plain.inTransaction(em -> new Content(
                List.copyOf(em.createQuery("select p from Post p where p.discussionId = :d order by p.createdAt, p.id", Post.class)
                        .setParameter("d", discussionId).getResultList()),
                Map.copyOf(helpful(em, discussionId)), Map.copyOf(attachmentsOfDiscussion(em, discussionId)))));
        Set<Long> read = new HashSet<>();
        if (userId != null) {
            plain.run(em -> {
                for (Object id : em.createNativeQuery("SELECT r.post_id FROM forum_read r JOIN forum_post p ON p.id = r.post_id WHERE r.user_id = ? AND p.discussion_id = ?")
                        .setParameter(1, userId).setParameter(2, discussionId).getResultList()) read.add(((Number) id).longValue());
            });
        }
        return new Thread(c.posts(), c.helpful(), c.files(), read);
    }

    public long report(long postId, long reporterId, String reason) {
        return plain.inTransaction(em -> {
            em.createNativeQuery("INSERT INTO forum_report (post_id, reporter_id, reason, created_at) VALUES (?,?,?,?)")
                    .setParameter(1, postId).setParameter(2, reporterId).setParameter(3, reason).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM forum_report WHERE reporter_id = ?").setParameter(1, reporterId).getSingleResult()).longValue();
        });
    }

    /** Open reports: {reportId, postId, reporterId, reason, createdAt}. */
    public List<Object[]> openReports() {
        return plain.inTransaction(em -> {
            List<Object[]> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT id, post_id, reporter_id, reason, created_at FROM forum_report WHERE resolved_at IS NULL ORDER BY created_at")
                    .getResultList()) out.add((Object[]) r);
            return out;
        });
    }

    public boolean resolve(long reportId, long by) {
        return plain.inTransaction(em -> em.createNativeQuery("UPDATE forum_report SET resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL")
                .setParameter(1, by).setParameter(2, Timestamp.from(Instant.now())).setParameter(3, reportId).executeUpdate() > 0);
    }

    // ---- attachments (the bytes are read only when a file is served)

    /** One attached file, without its bytes. */
    public record Attachment(long id, long postId, String name, String contentType, long size, boolean thumbnail) {
    }

    public int attachmentCount(long postId) {
        return plain.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM forum_attachment WHERE post_id = ?")
                .setParameter(1, postId).getSingleResult()).intValue());
    }

    /**
     * Stores checked files on a post, unless that would make more than {@code max}: then nothing is stored and the
     * answer is null. The count is checked in the same transaction, after locking the post's row.
     */
    public List<Long> attach(long postId, List<Attachments.Checked> files, int max) {
        return db.inTransaction(em -> {
            em.createNativeQuery("SELECT id FROM forum_post WHERE id = ? FOR UPDATE").setParameter(1, postId).getResultList();
            int had = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM forum_attachment WHERE post_id = ?").setParameter(1, postId).getSingleResult()).intValue();
            if (had + files.size() > max) return null;
            List<Long> ids = new ArrayList<>();
            for (Attachments.Checked f : files) {
                Timestamp now = Timestamp.from(Instant.now());
                var q = f.thumbnail() == null
                        ? em.createNativeQuery("INSERT INTO forum_attachment (post_id, name, content_type, byte_size, bytes, created_at) VALUES (?,?,?,?,?,?)")
                        : em.createNativeQuery("INSERT INTO forum_attachment (post_id, name, content_type, byte_size, bytes, created_at, thumbnail) VALUES (?,?,?,?,?,?,?)");
                q.setParameter(1, postId).setParameter(2, f.name()).setParameter(3, f.contentType()).setParameter(4, (long) f.bytes().length)
                        .setParameter(5, f.bytes()).setParameter(6, now);
                if (f.thumbnail() != null) q.setParameter(7, f.thumbnail());
                q.executeUpdate();
                ids.add(((Number) em.createNativeQuery("SELECT MAX(id) FROM forum_attachment WHERE post_id = ?").setParameter(1, postId).getSingleResult()).longValue());
            }
            return ids;
        });
    }

    private static Attachment attachment(Object row) {
        Object[] r = (Object[]) row;
        return new Attachment(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                ((Number) r[5]).intValue() == 1);
    }

    private static final String ATTACHMENT_COLUMNS = "SELECT a.id, a.post_id, a.name, a.content_type, a.byte_size, CASE WHEN a.thumbnail IS NULL THEN 0 ELSE 1 END FROM forum_attachment a ";

    public List<Attachment> attachments(long postId) {
        return plain.inTransaction(em -> {
            List<Attachment> out = new ArrayList<>();
            for (Object r : em.createNativeQuery(ATTACHMENT_COLUMNS + "WHERE a.post_id = ? ORDER BY a.id").setParameter(1, postId).getResultList()) out.add(attachment(r));
            return out;
        });
    }

    /** post id → its files, for every post of a discussion. */
    public Map<Long, List<Attachment>> attachmentsOfDiscussion(long discussionId) {
        return plain.inTransaction(em -> attachmentsOfDiscussion(em, discussionId));
    }

    private static Map<Long, List<Attachment>> attachmentsOfDiscussion(EntityManager em, long discussionId) {
        Map<Long, List<Attachment>> out = new HashMap<>();
        for (Object r : em.createNativeQuery(ATTACHMENT_COLUMNS + "JOIN forum_post p ON p.id = a.post_id WHERE p.discussion_id = ? ORDER BY a.id")
                .setParameter(1, discussionId).getResultList()) {
            Attachment a = attachment(r);
            out.computeIfAbsent(a.postId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    public Optional<Attachment> attachment(long id) {
        return plain.inTransaction(em -> {
            List<?> rows = em.createNativeQuery(ATTACHMENT_COLUMNS + "WHERE a.id = ?").setParameter(1, id).getResultList();
            return rows.isEmpty() ? Optional.<Attachment>empty() : Optional.of(attachment(rows.get(0)));
        });
    }

    /** The file's bytes, or its thumbnail's. */
    public Optional<byte[]> attachmentBytes(long id, boolean thumbnail) {
        return plain.inTransaction(em -> {
            List<?> rows = em.createNativeQuery("SELECT " + (thumbnail ? "thumbnail" : "bytes") + " FROM forum_attachment WHERE id = ?").setParameter(1, id).getResultList();
            return rows.isEmpty() || rows.get(0) == null ? Optional.<byte[]>empty() : Optional.of((byte[]) rows.get(0));
        });
    }

    // ---- search and feeds

    /** Posts (not deleted) in the given forums matching all filters, newest first, at most {@code limit}. */
    public List<Post> search(Collection<Long> forumIds, String text, Long authorId, Instant from, Instant to, int limit) {
        if (forumIds.isEmpty()) return List.of();
        return plain.inTransaction(em -> {
            StringBuilder q = new StringBuilder("select p from Post p, Discussion d where d.id = p.discussionId and d.forumId in :forums and p.deleted = false");
            if (text != null && !text.isBlank()) q.append(" and (lower(p.body) like :t escape '!' or lower(d.title) like :t escape '!')");
            if (authorId != null) q.append(" and p.authorId = :a");
            if (from != null) q.append(" and p.createdAt >= :from");
            if (to != null) q.append(" and p.createdAt < :to");
            q.append(" order by p.createdAt desc");
            var query = em.createQuery(q.toString(), Post.class).setParameter("forums", forumIds).setMaxResults(limit);
            if (text != null && !text.isBlank()) {
                String like = "%" + text.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
                query.setParameter("t", like);
            }
            if (authorId != null) query.setParameter("a", authorId);
            if (from != null) query.setParameter("from", from);
            if (to != null) query.setParameter("to", to);
            return query.getResultList();
        });
    }

    /** The newest posts in some forums, for feeds and the dashboard block. */
    public List<Post> latest(Collection<Long> forumIds, int limit) {
        return search(forumIds, null, null, null, null, limit);
    }
}
