package eu.somep.forum.internal;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import static eu.somep.spi.privacy.PrivacyRows.rows;
import static eu.somep.spi.privacy.PrivacyRows.update;
import java.util.List;
import java.util.Map;

/**
 * What the forum keeps about one person, for the privacy SPI. Erasing keeps the person's posts and discussions (others
 * replied to them) under the anonymous author {@link #ANONYMOUS}, and deletes everything that is only about the person.
 */
public final class ForumPersonalData {
    /** The author id of an erased person's posts: no account has it, so pages show the anonymous name. */
    public static final long ANONYMOUS = 0;
    private final ForumStore store;

    public ForumPersonalData(ForumStore store) {
        this.store = store;
    }

    /** Table name → the person's rows, as column → value maps. */
    public Map<String, List<Map<String, Object>>> export(long userId) {
        return store.reading().inTransaction(em -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            out.put("discussions", rows(em, "SELECT id, forum_id, title, created_at FROM forum_discussion WHERE author_id = ? ORDER BY id", userId));
            out.put("posts", rows(em, "SELECT id, discussion_id, parent_id, body, created_at, modified_at, deleted FROM forum_post WHERE author_id = ? ORDER BY id", userId));
            out.put("edits", rows(em, "SELECT post_id, body, edited_at FROM forum_post_history WHERE editor_id = ? ORDER BY id", userId));
            out.put("attachments", rows(em, "SELECT a.id, a.post_id, a.name, a.content_type, a.byte_size, a.created_at FROM forum_attachment a "
                    + "JOIN forum_post p ON p.id = a.post_id WHERE p.author_id = ? ORDER BY a.id", userId));
            out.put("subscriptions", rows(em, "SELECT forum_id, discussion_id, subscribed, created_at FROM forum_subscription WHERE user_id = ? ORDER BY id", userId));
            out.put("preferences", rows(em, "SELECT digest FROM forum_preference WHERE user_id = ?", userId));
            out.put("read", rows(em, "SELECT post_id FROM forum_read WHERE user_id = ? ORDER BY post_id", userId));
            out.put("reactions", rows(em, "SELECT post_id FROM forum_reaction WHERE user_id = ? ORDER BY post_id", userId));
            out.put("reports", rows(em, "SELECT post_id, reason, created_at FROM forum_report WHERE reporter_id = ? ORDER BY id", userId));
            out.put("mailqueue", rows(em, "SELECT post_id, created_at FROM forum_queue WHERE user_id = ? ORDER BY post_id", userId));
            return out;
        });
    }

    /** The file of an attachment (for the archive); empty when it is gone. */
    public byte[] attachment(long id) {
        return store.attachmentBytes(id, false).orElse(new byte[0]);
    }

    /** In one transaction: posts, discussions, edits and reports anonymised; reads, reactions, subscriptions, mail deleted. */
    public long erase(long userId) {
        return store.writing().inTransaction(em -> {
            long n = 0;
            n += update(em, "UPDATE forum_post SET author_id = ? WHERE author_id = ?", ANONYMOUS, userId);
            n += update(em, "UPDATE forum_discussion SET author_id = ? WHERE author_id = ?", ANONYMOUS, userId);
            n += update(em, "UPDATE forum_post_history SET editor_id = ? WHERE editor_id = ?", ANONYMOUS, userId);
            n += update(em, "UPDATE forum_report SET reporter_id = ? WHERE reporter_id = ?", ANONYMOUS, userId);
            n += update(em, "UPDATE forum_report SET resolved_by = ? WHERE resolved_by = ?", ANONYMOUS, userId);
            for (String table : List.of("forum_read", "forum_reaction", "forum_subscription", "forum_preference", "forum_queue")) {
                n += update(em, "DELETE FROM " + table + " WHERE user_id = ?", userId);
            }
            return n;
        });
    }
}
