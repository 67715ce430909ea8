package eu.somep.forum;

import java.time.Instant;
import java.util.List;

/** What pages and the API show of forums: records, never entities. */
public final class Views {
    private Views() {
    }

    public record ForumView(long id, String name, String intro, String type, String category, Long activityId, boolean canStart, boolean moderator) {
    }

    public record DiscussionView(long id, long forumId, String title, String author, long authorId, boolean pinned, boolean locked,
                                 Instant createdAt, Instant lastPostAt, int unread) {
    }

    /** A post as shown; {@code body} is sanitised HTML (empty when deleted); {@code depth} for nested display. */
    public record PostView(long id, Long parentId, String author, long authorId, String body, Instant createdAt, Instant modifiedAt,
                           boolean edited, boolean deleted, boolean canEdit, boolean canDelete, int helpful, int depth,
                           List<AttachmentView> attachments) {
        /**
         * The key of what every reader sees of this post ({@code <@cached>} in discussion.ftlh): everything that
         * changes it. Built here, because the template's version made five reflective calls and formatted an
         * Instant per post on every page view.
         */
        public String fragmentKey() {
            return "post " + id + " " + modifiedAt.toEpochMilli() + " " + deleted + " " + attachments.size() + " " + author;
        }
    }

    /** A file attached to a post: {@code url} serves it, {@code thumbnailUrl} (null when none) its thumbnail. */
    public record AttachmentView(long id, String name, String contentType, long size, String url, String thumbnailUrl) {
    }

    public record DiscussionPage(ForumView forum, DiscussionView discussion, List<PostView> posts, boolean canReply, boolean hiddenUntilPosted) {
    }

    public record SearchHit(long postId, long discussionId, String discussionTitle, String author, Instant createdAt, String snippet) {
    }

    /**
     * The caller's subscription to a forum or discussion: {@code mode} is the forum's (optional, forced, auto,
     * disabled); {@code changeable} is false when forced or disabled; {@code digest} is their mail preference.
     */
    public record Subscription(boolean subscribed, String mode, boolean changeable, boolean digest) {
    }

    /** What a run of the mail task did: posts whose recipients were queued, mails sent, digests sent, mails still waiting. */
    public record MailRun(int posts, int mails, int digests, int waiting) {
    }

    public record ReportView(long id, long postId, long discussionId, String reporter, String reason, Instant createdAt, String excerpt) {
    }
}
