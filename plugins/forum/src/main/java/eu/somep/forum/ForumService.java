package eu.somep.forum;

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.Problem;
import eu.somep.course.spi.CourseTracker;
import eu.somep.forum.internal.Discussion;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.ForumStore;
import eu.somep.forum.internal.Post;
import eu.somep.forum.internal.Sanitizer;
import eu.somep.forum.internal.SubjectStore;
import eu.somep.forum.internal.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The forum's rules, shared by its pages and API: who may see, start, reply, edit and moderate, in the forum's
 * context (the site for site forums, the activity's context for a forum in a course).
 */
@Component(service = ForumService.class, configurationPid = "eu.somep.forum")
@Designate(ocd = ForumConfig.class)
public class ForumService {
    public static final String VIEW = "forum:view";
    public static final String START = "forum:startdiscussion";
    public static final String REPLY = "forum:reply";
    public static final String NEWS = "forum:addnews";
    public static final String MODERATE = "forum:moderate";
    public static final String QANDA = "forum:viewqanda";
    public static final String ADD = "forum:addforum";

    final ForumStore store;
    final SubscriptionStore subs;
    final SubjectStore subjects;
    final eu.somep.forum.internal.ForumPersonalData personal;
    final AccessControl access;
    final UserDirectory directory;
    final UserContext user;
    final Messages messages;
    final CourseTracker courses;
    private volatile Duration editWindow;
    private volatile ForumConfig config;
    private volatile byte[] key;

    @Activate
    public ForumService(@Reference Database db, @Reference AccessControl access, @Reference UserDirectory directory, @Reference UserContext user,
                        @Reference Messages messages, @Reference CourseTracker courses, ForumConfig config) {
        this.store = new ForumStore(db);
        this.subs = new SubscriptionStore(store);
        this.subjects = new SubjectStore(store);
        this.personal = new eu.somep.forum.internal.ForumPersonalData(store);
        this.access = access;
        this.directory = directory;
        this.user = user;
        this.messages = messages;
        this.courses = courses;
        modified(config);
    }

    /** A changed edit window applies at once, without restarting the plugin. */
    @Modified
    void modified(ForumConfig config) {
        editWindow = Duration.ofMinutes(Math.max(0, config.editMinutes()));
        this.config = config;
    }

    Duration editWindow() {
        return editWindow;
    }

    ForumConfig config() {
        return config;
    }

    /** The key that signs unsubscribe links (read once). */
    byte[] key() {
        byte[] k = key;
        if (k == null) key = k = subs.signingKey();
        return k;
    }

    // ---- contexts and checks

    long context(Forum f) {
        if (f.activityId == null) return AccessControl.SITE;
        return courses.activity(f.activityId).map(a -> a.context()).orElse(AccessControl.SITE);
    }

    boolean can(String capability, Forum f) {
        return access.can(capability, context(f));
    }

    boolean canView(Forum f) {
        if (f.activityId != null && !courses.canView(f.activityId)) return false;
        return can(VIEW, f);
    }

    /** The forum, for those who may see it; 404 for everyone else (they may not learn it exists). */
    Forum forum(long id) {
        return store.forum(id).filter(this::canView).orElseThrow(() -> Problem.notFound(messages.get("forum.error.notfound")));
    }

    Discussion discussion(long id) {
        Discussion d = store.discussion(id).orElseThrow(() -> Problem.notFound(messages.get("forum.error.notfound")));
        forum(d.forumId);
        return d;
    }

    Post post(long id) {
        Post p = store.post(id).orElseThrow(() -> Problem.notFound(messages.get("forum.error.notfound")));
        Discussion d = discussion(p.discussionId);
        if (!visible(store.forum(d.forumId).orElseThrow(), d, p)) throw Problem.notFound(messages.get("forum.error.notfound"));
        return p;
    }

    long me() {
        return user.userId().orElseThrow(() -> new Problem(401, "Unauthorized", messages.get("forum.error.signin")));
    }

    boolean moderator(Forum f) {
        return can(MODERATE, f);
    }

    boolean canStart(Forum f) {
        if (user.userId().isEmpty()) return false;
        return switch (f.type) {
            case "news" -> can(NEWS, f);
            case "single" -> moderator(f) && store.discussions(f.id).isEmpty();
            default -> can(START, f);
        };
    }

    boolean canReply(Forum f, Discussion d) {
        if (user.userId().isEmpty()) return false;
        if (d.locked && !moderator(f)) return false;
        return "news".equals(f.type) ? can(NEWS, f) : can(REPLY, f);
    }

    boolean withinWindow(Post p) {
        return p.createdAt.plus(editWindow).isAfter(Instant.now());
    }

    boolean canEdit(Forum f, Post p) {
        return !p.deleted && canEdit(moderator(f), p);
    }

    /** With the viewer's moderator right worked out once per page, not once per post (a capability check each). */
    private boolean canEdit(boolean moderator, Post p) {
        if (p.deleted) return false;
        boolean mine = user.userId().map(u -> u == p.authorId).orElse(false);
        return moderator || (mine && withinWindow(p));
    }

    /**
     * In a question-and-answer forum, a trainee sees the question and their own posts, and everyone else's
     * replies only once they have posted.
     */
    boolean hiddenUntilPosted(Forum f, Discussion d) {
        if (!"qanda".equals(f.type) || can(QANDA, f)) return false;
        // whoever asked, or has answered, sees every answer
        return user.userId().map(u -> d.authorId != u && !store.hasPosted(d.id, u)).orElse(true);
    }

    boolean visible(Forum f, Discussion d, Post p) {
        if (!hiddenUntilPosted(f, d)) return true;
        long first = store.posts(d.id).get(0).id;
        return p.id == first || user.userId().map(u -> u == p.authorId).orElse(false);
    }

    // ---- mail: the same rules, for a given user rather than the current one

    /** Whether a user (not the current one) may see a post: the forum (course enrolment, forum:view), and Q&A. */
    boolean canSee(long userId, Forum f, Discussion d, Post p, long firstPostId) {
        if (p.deleted) return false;
        long ctx = context(f);
        if (f.activityId != null && !courses.canView(f.activityId, userId)) return false;
        if (!access.can(userId, VIEW, ctx)) return false;
        if ("qanda".equals(f.type) && !access.can(userId, QANDA, ctx) && d.authorId != userId && !store.hasPosted(d.id, userId)) {
            return p.id == firstPostId || p.authorId == userId;
        }
        return true;
    }

    /** A user's subscription to a forum (discussion null) or one of its discussions. */
    Views.Subscription subscription(Forum f, Long discussionId, long userId) {
        String mode = f.subscription == null ? "optional" : f.subscription;
        SubscriptionStore.State state = subs.state(f.id, discussionId, userId); // one transaction
        return switch (mode) {
            case "forced" -> new Views.Subscription(true, mode, false, state.digest());
            case "disabled" -> new Views.Subscription(false, mode, false, state.digest());
            default -> {
                boolean forum = state.forum().orElse(false);
                boolean on = discussionId == null ? forum : state.discussion().orElse(forum);
                yield new Views.Subscription(on, mode, true, state.digest());
            }
        };
    }

    /** After a post: in an "auto" forum the author now follows the discussion (unless they opted out of it). */
    void posted(Forum f, long discussionId, long userId) {
        if ("auto".equals(f.subscription)) subs.autoSubscribe(f.id, discussionId, userId);
    }

    String html(String written) {
        return Sanitizer.html(written, name -> directory.byUsername(name).isPresent());
    }

    // ---- views

    Views.ForumView view(Forum f) {
        return new Views.ForumView(f.id, f.name, f.intro, f.type, f.category, f.activityId, canStart(f), moderator(f));
    }

    /** The name shown for an author whose account is gone (erased for privacy, or deleted). */
    String anonymous() {
        return messages.get("forum.anonymous");
    }

    Map<Long, String> names(Set<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        for (UserDirectory.Person p : directory.byIds(ids)) out.put(p.id(), p.displayName());
        return out;
    }

    /** Discussions on a forum page. */
    static final int PAGE = 50;

    List<Views.DiscussionView> discussions(Forum f) {
        return discussions(f, 0);
    }

    /** One page (0 first) of the forum's discussions, with the current user's unread counts. */
    List<Views.DiscussionView> discussions(Forum f, int page) {
        List<Discussion> ds = store.discussions(f.id, Math.max(0, page) * PAGE, PAGE);
        Set<Long> authors = new HashSet<>();
        ds.forEach(d -> authors.add(d.authorId));
        Map<Long, String> names = names(authors);
        List<Long> ids = ds.stream().map(d -> d.id).toList();
        Map<Long, Integer> unread = user.userId().map(u -> store.unread(u, ids)).orElse(Map.of());
        List<Views.DiscussionView> out = new ArrayList<>();
        for (Discussion d : ds) out.add(view(d, names, unread.getOrDefault(d.id, 0)));
        return out;
    }

    Views.DiscussionView view(Discussion d, Map<Long, String> names, int unread) {
        return new Views.DiscussionView(d.id, d.forumId, d.title, names.getOrDefault(d.authorId, anonymous()), d.authorId, d.pinned, d.locked, d.createdAt, d.lastPostAt, unread);
    }

    /** The discussion as the current user may see it, nested (depth-first under their parents) or flat, oldest or newest first. */
    Views.DiscussionPage page(Discussion d, boolean nested, boolean newestFirst) {
        Forum f = store.forum(d.forumId).orElseThrow();
        Long me = user.userId().orElse(null);
        ForumStore.Thread thread = store.thread(d.id, me); // one transaction for posts, reactions, files and read marks
        List<Post> all = thread.posts();
        // Q&A: whoever asked, or has answered, sees every answer (worked out from the posts already read)
        boolean hidden = "qanda".equals(f.type) && !can(QANDA, f)
                && (me == null || (d.authorId != me && all.stream().noneMatch(p -> p.authorId == me && !p.deleted)));
        long question = all.isEmpty() ? -1 : all.get(0).id;
        List<Post> shown = all.stream().filter(p -> !hidden || p.id == question || (me != null && p.authorId == me)).toList();
        Set<Long> authors = new HashSet<>();
        shown.forEach(p -> authors.add(p.authorId));
        authors.add(d.authorId);
        Map<Long, String> names = names(authors);
        Map<Long, Integer> helpful = thread.helpful();
        Map<Long, List<ForumStore.Attachment>> files = thread.files();
        List<Views.PostView> out = new ArrayList<>();
        boolean moderator = moderator(f);
        if (nested) {
            Map<Long, List<Post>> children = new HashMap<>();
            List<Post> roots = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            shown.forEach(p -> ids.add(p.id));
            for (Post p : shown) {
                if (p.parentId == null || !ids.contains(p.parentId)) roots.add(p);
                else children.computeIfAbsent(p.parentId, k -> new ArrayList<>()).add(p);
            }
            if (newestFirst && roots.size() > 1) { // the question stays on top; its replies newest first
                List<Post> rest = new ArrayList<>(roots.subList(1, roots.size()));
                java.util.Collections.reverse(rest);
                roots = new ArrayList<>(List.of(roots.get(0)));
                roots.addAll(rest);
            }
            for (Post r : roots) walk(moderator, r, 0, children, names, helpful, files, out, newestFirst);
        } else {
            List<Post> list = new ArrayList<>(shown);
            if (newestFirst && list.size() > 1) {
                Post first = list.remove(0);
                java.util.Collections.reverse(list);
                list.add(0, first);
            }
            for (Post p : list) out.add(view(moderator, p, 0, names, helpful, files));
        }
        if (me != null) {
            List<Long> unread = shown.stream().map(p -> p.id).filter(id -> !thread.read().contains(id)).toList();
            if (!unread.isEmpty()) store.markRead(me, unread); // a second transaction only when something is new
        }
        return new Views.DiscussionPage(view(f), view(d, names, 0), out, canReply(f, d), hidden);
    }

    private void walk(boolean moderator, Post p, int depth, Map<Long, List<Post>> children, Map<Long, String> names, Map<Long, Integer> helpful,
                      Map<Long, List<ForumStore.Attachment>> files, List<Views.PostView> out, boolean newestFirst) {
        out.add(view(moderator, p, Math.min(depth, 6), names, helpful, files));
        List<Post> kids = new ArrayList<>(children.getOrDefault(p.id, List.of()));
        if (newestFirst) java.util.Collections.reverse(kids);
        for (Post k : kids) walk(moderator, k, depth + 1, children, names, helpful, files, out, newestFirst);
    }

    Views.PostView view(Forum f, Post p, int depth, Map<Long, String> names, Map<Long, Integer> helpful, Map<Long, List<ForumStore.Attachment>> files) {
        return view(moderator(f), p, depth, names, helpful, files);
    }

    private Views.PostView view(boolean moderator, Post p, int depth, Map<Long, String> names, Map<Long, Integer> helpful,
                                Map<Long, List<ForumStore.Attachment>> files) {
        boolean edit = canEdit(moderator, p);
        List<Views.AttachmentView> attached = p.deleted ? List.of() : files.getOrDefault(p.id, List.of()).stream().map(ForumService::view).toList();
        return new Views.PostView(p.id, p.parentId, names.getOrDefault(p.authorId, anonymous()), p.authorId, p.deleted ? "" : p.body, p.createdAt, p.modifiedAt,
                p.modifiedAt.isAfter(p.createdAt.plusSeconds(1)), p.deleted, edit, edit, helpful.getOrDefault(p.id, 0), depth, attached);
    }

    static Views.AttachmentView view(ForumStore.Attachment a) {
        return new Views.AttachmentView(a.id(), a.name(), a.contentType(), a.size(), "/forum/attachment/" + a.id(),
                a.thumbnail() ? "/forum/attachment/" + a.id() + "/thumb" : null);
    }

    /** A file, for those who may see its post (404 for everyone else, and for files of deleted posts). */
    ForumStore.Attachment attachment(long id) {
        ForumStore.Attachment a = store.attachment(id).orElseThrow(() -> Problem.notFound(messages.get("forum.error.notfound")));
        Post p = post(a.postId());
        if (p.deleted) throw Problem.notFound(messages.get("forum.error.notfound"));
        return a;
    }

    /** The forums the current user may see (for search): the site forums, and the course forums they can open. */
    List<Forum> visibleForums(List<Forum> candidates) {
        return candidates.stream().filter(this::canView).toList();
    }
}
