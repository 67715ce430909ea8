package eu.somep.forum;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.forum.internal.Attachments;
import eu.somep.forum.internal.Discussion;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.Post;
import eu.somep.forum.internal.Sanitizer;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The forum REST API under {@code /api/forum}; the pages call the same methods. */
@Component(service = {WebResource.class, ForumApi.class})
@Path("api/forum")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForumApi implements WebResource {
    final ForumService s;
    final ForumMail mail;

    @Activate
    public ForumApi(@Reference ForumService s, @Reference ForumMail mail) {
        this.s = s;
        this.mail = mail;
    }

    public record NewForum(String category, String name, String intro, String type) {
    }

    public record NewDiscussion(String title, String message) {
    }

    public record Message(String message, Long parentId) {
    }

    public record Reason(String reason) {
    }

    public record Move(Long forumId) {
    }

    public record Mode(String mode) {
    }

    public record Preferences(Boolean digest) {
    }

    // ---- forums

    @GET
    @Path("forums")
    @PublicAccess // the site forums the caller may see
    public List<Views.ForumView> forums() {
        return s.visibleForums(s.store.siteForums()).stream().map(s::view).toList();
    }

    @POST
    @Path("forums")
    @RequiresCapability(ForumService.ADD)
    public Response createForum(NewForum n) {
        if (n == null) throw Problem.badRequest("Send a JSON object with category, name, intro and type.");
        List<String> bad = new ArrayList<>();
        if (n.name() == null || n.name().isBlank() || n.name().length() > 255) bad.add("forum.error.name");
        if (n.category() != null && n.category().length() > 255) bad.add("forum.error.category");
        if (n.intro() != null && n.intro().length() > 20000) bad.add("forum.error.intro");
        String type = n.type() == null || n.type().isBlank() ? "standard" : n.type();
        if (!Forum.TYPES.contains(type)) bad.add("forum.error.type");
        if (!bad.isEmpty()) throw invalid(bad);
        Forum f = s.store.saveForum(null, null, n.category() == null || n.category().isBlank() ? "SOMEP" : n.category().trim(), n.name().trim(),
                n.intro() == null ? "" : n.intro(), type);
        return Response.status(201).entity(s.view(f)).build();
    }

    @GET
    @Path("forums/{id}")
    @ContextCapability(ForumService.VIEW)
    public Map<String, Object> forum(@PathParam("id") long id, @QueryParam("page") Integer page) {
        Forum f = s.forum(id);
        int p = page == null ? 0 : Math.max(0, page);
        long total = s.store.countDiscussions(f.id);
        return Map.of("forum", s.view(f), "discussions", s.discussions(f, p), "page", p, "pages", Math.max(1, (total + ForumService.PAGE - 1) / ForumService.PAGE));
    }

    @POST
    @Path("forums/{id}/discussions")
    @ContextCapability({ForumService.START, ForumService.NEWS})
    public Response startDiscussion(@PathParam("id") long id, NewDiscussion n) {
        long me = s.me();
        Forum f = s.forum(id);
        if (!s.canStart(f)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.nostart"));
        if (n == null) throw Problem.badRequest("Send a JSON object with title and message.");
        List<String> bad = new ArrayList<>();
        if (n.title() == null || n.title().isBlank() || n.title().length() > 255) bad.add("forum.error.title");
        String body = checkMessage(n.message(), bad);
        if (!bad.isEmpty()) throw invalid(bad);
        Discussion d = s.store.startDiscussion(f.id, n.title().trim(), me, body);
        posted(f, me);
        s.posted(f, d.id, me);
        return Response.status(201).entity(s.view(d, s.names(Set.of(me)), 0)).build();
    }

    private String checkMessage(String message, List<String> bad) {
        if (message == null || message.isBlank() || message.length() > 50000) {
            bad.add("forum.error.message");
            return "";
        }
        String html = s.html(message);
        if (Sanitizer.text(html).isBlank()) bad.add("forum.error.message");
        return html;
    }

    /** A post in a forum activity counts as "posted" for course completion. */
    private void posted(Forum f, long me) {
        if (f.activityId != null) s.courses.completed(f.activityId, me, "posted");
    }

    @POST
    @Path("forums/{id}/read")
    @ContextCapability(ForumService.VIEW)
    public Response markRead(@PathParam("id") long id) {
        long me = s.me();
        s.store.markForumRead(me, s.forum(id).id);
        return Response.noContent().build();
    }

    // ---- discussions

    @GET
    @Path("discussions/{id}")
    @ContextCapability(ForumService.VIEW)
    public Views.DiscussionPage discussion(@PathParam("id") long id, @QueryParam("mode") String mode, @QueryParam("order") String order) {
        Discussion d = s.discussion(id);
        return s.page(d, !"flat".equals(mode), "newest".equals(order));
    }

    @POST
    @Path("discussions/{id}/posts")
    @ContextCapability({ForumService.REPLY, ForumService.NEWS})
    public Response reply(@PathParam("id") long id, Message m) {
        long me = s.me();
        Discussion d = s.discussion(id);
        Forum f = s.store.forum(d.forumId).orElseThrow();
        if (!s.canReply(f, d)) throw new Problem(403, "Forbidden", s.messages.get(d.locked ? "forum.error.locked" : "forum.error.noreply"));
        if (m == null) throw Problem.badRequest("Send a JSON object with message and parentId.");
        List<Post> posts = s.store.posts(d.id);
        long parent = m.parentId() == null ? posts.get(0).id : m.parentId();
        if (posts.stream().noneMatch(p -> p.id == parent)) throw invalid(List.of("forum.error.parent"));
        if (!s.visible(f, d, posts.stream().filter(p -> p.id == parent).findFirst().orElseThrow())) throw invalid(List.of("forum.error.parent"));
        List<String> bad = new ArrayList<>();
        String body = checkMessage(m.message(), bad);
        if (!bad.isEmpty()) throw invalid(bad);
        Post p = s.store.reply(d.id, parent, me, body);
        posted(f, me);
        s.posted(f, d.id, me);
        return Response.status(201).entity(Map.of("id", p.id, "discussionId", d.id)).build();
    }

    /** Pin, unpin, lock, unlock (moderators). */
    @POST
    @Path("discussions/{id}/{op: pin|unpin|lock|unlock}")
    @ContextCapability(ForumService.MODERATE)
    public Response moderate(@PathParam("id") long id, @PathParam("op") String op) {
        Discussion d = s.discussion(id);
        requireModerator(d.forumId);
        switch (op) {
            case "pin" -> s.store.setPinned(d.id, true);
            case "unpin" -> s.store.setPinned(d.id, false);
            case "lock" -> s.store.setLocked(d.id, true);
            default -> s.store.setLocked(d.id, false);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("discussions/{id}/move")
    @ContextCapability(ForumService.MODERATE)
    public Response move(@PathParam("id") long id, Move m) {
        Discussion d = s.discussion(id);
        requireModerator(d.forumId);
        if (m == null || m.forumId() == null) throw invalid(List.of("forum.error.target"));
        Forum target = s.store.forum(m.forumId()).filter(s::canView).orElseThrow(() -> invalid(List.of("forum.error.target")));
        if (!s.moderator(target)) throw invalid(List.of("forum.error.target"));
        s.store.move(d.id, target.id);
        return Response.noContent().build();
    }

    /** Splits a reply (with its answers) into a new discussion of the same forum (moderators). */
    @POST
    @Path("posts/{id}/split")
    @ContextCapability(ForumService.MODERATE)
    public Response split(@PathParam("id") long id, NewDiscussion n) {
        Post p = s.post(id);
        requireModerator(forumOf(p).id);
        if (p.parentId == null) throw invalid(List.of("forum.error.splitfirst"));
        if (n == null || n.title() == null || n.title().isBlank() || n.title().length() > 255) throw invalid(List.of("forum.error.title"));
        Discussion d = s.store.split(p.id, n.title().trim());
        return Response.status(201).entity(s.view(d, s.names(Set.of(d.authorId)), 0)).build();
    }

    @DELETE
    @Path("discussions/{id}")
    @ContextCapability(ForumService.MODERATE)
    public Response deleteDiscussion(@PathParam("id") long id) {
        Discussion d = s.discussion(id);
        requireModerator(d.forumId);
        s.store.deleteDiscussion(d.id);
        return Response.noContent().build();
    }

    private void requireModerator(long forumId) {
        Forum f = s.store.forum(forumId).orElseThrow();
        if (!s.moderator(f)) {
            s.me();
            throw new Problem(403, "Forbidden", s.messages.get("forum.error.moderator"));
        }
    }

    // ---- posts

    /** Edits a post: its author within the edit window, moderators at any time; the old text goes to its history. */
    @PUT
    @Path("posts/{id}")
    @ContextCapability({ForumService.MODERATE})
    public Response edit(@PathParam("id") long id, Message m) {
        long me = s.me();
        Post p = s.post(id);
        Forum f = forumOf(p);
        if (!s.canEdit(f, p)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.editwindow", s.editWindow().toMinutes()));
        List<String> bad = new ArrayList<>();
        String body = checkMessage(m == null ? null : m.message(), bad);
        if (!bad.isEmpty()) throw invalid(bad);
        s.store.edit(p.id, body, me);
        return Response.noContent().build();
    }

    /** Deletes a post (the first post of a discussion deletes the discussion), under the same rule as editing. */
    @DELETE
    @Path("posts/{id}")
    @ContextCapability({ForumService.MODERATE})
    public Response delete(@PathParam("id") long id) {
        long me = s.me();
        Post p = s.post(id);
        Forum f = forumOf(p);
        if (!s.canEdit(f, p)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.editwindow", s.editWindow().toMinutes()));
        List<Post> posts = s.store.posts(p.discussionId);
        if (posts.get(0).id.equals(p.id)) s.store.deleteDiscussion(p.discussionId);
        else s.store.deletePost(p.id, me);
        return Response.noContent().build();
    }

    public record Version(String body, String editor, Instant editedAt) {
    }

    /** The earlier versions of a post, for its author and moderators. */
    @GET
    @Path("posts/{id}/history")
    @ContextCapability(ForumService.MODERATE)
    public List<Version> history(@PathParam("id") long id) {
        long me = s.me();
        Post p = s.post(id);
        if (p.authorId != me && !s.moderator(forumOf(p))) throw Problem.notFound(s.messages.get("forum.error.notfound"));
        List<Object[]> rows = s.store.history(p.id);
        Set<Long> editors = new HashSet<>();
        rows.forEach(r -> editors.add(((Number) r[1]).longValue()));
        var names = s.names(editors);
        return rows.stream().map(r -> new Version((String) r[0], names.getOrDefault(((Number) r[1]).longValue(), s.anonymous()), instant(r[2]))).toList();
    }

    @POST
    @Path("posts/{id}/helpful")
    @ContextCapability(ForumService.VIEW)
    public Map<String, Object> helpful(@PathParam("id") long id) {
        long me = s.me();
        Post p = s.post(id);
        boolean marked = s.store.toggleHelpful(p.id, me);
        return Map.of("helpful", marked, "count", s.store.helpful(p.discussionId).getOrDefault(p.id, 0));
    }

    @POST
    @Path("posts/{id}/report")
    @ContextCapability(ForumService.VIEW)
    public Response report(@PathParam("id") long id, Reason r) {
        long me = s.me();
        Post p = s.post(id);
        if (r == null || r.reason() == null || r.reason().isBlank() || r.reason().length() > 2000) throw invalid(List.of("forum.error.reason"));
        long report = s.store.report(p.id, me, r.reason().trim());
        return Response.status(201).entity(Map.of("id", report)).build();
    }

    /** The moderation queue: open reports on posts in forums the caller moderates. */
    @GET
    @Path("reports")
    @ContextCapability(ForumService.MODERATE)
    public List<Views.ReportView> reports() {
        s.me();
        List<Views.ReportView> out = new ArrayList<>();
        List<Object[]> rows = s.store.openReports();
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> people.add(((Number) r[2]).longValue()));
        var names = s.names(people);
        for (Object[] r : rows) {
            long postId = ((Number) r[1]).longValue();
            s.store.post(postId).ifPresent(p -> s.store.discussion(p.discussionId).flatMap(d -> s.store.forum(d.forumId)).filter(f -> s.canView(f) && s.moderator(f))
                    .ifPresent(f -> out.add(new Views.ReportView(((Number) r[0]).longValue(), postId, p.discussionId, names.getOrDefault(((Number) r[2]).longValue(), s.anonymous()),
                            (String) r[3], instant(r[4]), abbreviate(Sanitizer.text(p.body))))));
        }
        return out;
    }

    @POST
    @Path("reports/{id}/resolve")
    @ContextCapability(ForumService.MODERATE)
    public Response resolve(@PathParam("id") long id) {
        long me = s.me();
        Views.ReportView r = reports().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> Problem.notFound(s.messages.get("forum.error.notfound")));
        s.store.resolve(r.id(), me);
        return Response.noContent().build();
    }

    // ---- attachments

    /** Checks a file by its content; a refusal is a 422 naming the file and the rule. */
    Attachments.Checked check(String name, byte[] bytes) {
        try {
            return Attachments.check(name, bytes);
        } catch (Attachments.Refused r) {
            String shown = Attachments.displayName(name, Attachments.TEXT);
            throw new Problem(422, "Invalid attachment", s.messages.get(r.key, shown, Attachments.MAX_BYTES / (1024 * 1024)));
        }
    }

    /** Stores checked files on a post, all or none: more than {@link Attachments#MAX_FILES} on a post is a 422. */
    List<Long> attach(long postId, List<Attachments.Checked> files) {
        if (files.isEmpty()) return List.of();
        if (files.size() > Attachments.MAX_FILES) throw tooMany();
        List<Long> ids = s.store.attach(postId, files, Attachments.MAX_FILES);
        if (ids == null) throw tooMany();
        return ids;
    }

    private Problem tooMany() {
        return new Problem(422, "Invalid attachment", s.messages.get("forum.error.filecount", Attachments.MAX_FILES));
    }

    /**
     * Attaches a file to a post: the raw body, its type recognised from its content (the Content-Type sent is not
     * trusted), {@code ?name=} only as the name shown. The post's author within the edit window, or a moderator.
     */
    @POST
    @Path("posts/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @ContextCapability({ForumService.MODERATE})
    public Response addAttachment(@PathParam("id") long id, @QueryParam("name") String name, java.io.InputStream body) {
        s.me();
        Post p = s.post(id);
        if (p.deleted || !s.canEdit(forumOf(p), p)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.editwindow", s.editWindow().toMinutes()));
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(Attachments.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw Problem.badRequest("The file could not be read.");
        }
        Attachments.Checked checked = check(name, bytes);
        long attached = attach(p.id, List.of(checked)).get(0);
        return Response.status(201).entity(ForumService.view(s.store.attachment(attached).orElseThrow())).build();
    }

    /** The files of a post, for those who may see it. */
    @GET
    @Path("posts/{id}/attachments")
    @ContextCapability(ForumService.VIEW)
    public List<Views.AttachmentView> attachments(@PathParam("id") long id) {
        Post p = s.post(id);
        if (p.deleted) return List.of();
        return s.store.attachments(p.id).stream().map(ForumService::view).toList();
    }

    // ---- subscriptions and mail

    @GET
    @Path("forums/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription forumSubscription(@PathParam("id") long id) {
        long me = s.me();
        return s.subscription(s.forum(id), null, me);
    }

    /** Subscribes the caller to a forum: every new post in it (optional and auto forums). */
    @POST
    @Path("forums/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription subscribeForum(@PathParam("id") long id) {
        long me = s.me();
        Forum f = changeable(s.forum(id));
        s.subs.set(f.id, null, me, true);
        return s.subscription(f, null, me);
    }

    /** Unsubscribes the caller from a forum and from every discussion in it. */
    @DELETE
    @Path("forums/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription unsubscribeForum(@PathParam("id") long id) {
        long me = s.me();
        Forum f = changeable(s.forum(id));
        s.subs.leaveForum(f.id, me);
        return s.subscription(f, null, me);
    }

    @GET
    @Path("discussions/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription discussionSubscription(@PathParam("id") long id) {
        long me = s.me();
        Discussion d = s.discussion(id);
        return s.subscription(s.store.forum(d.forumId).orElseThrow(), d.id, me);
    }

    @POST
    @Path("discussions/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription subscribeDiscussion(@PathParam("id") long id) {
        long me = s.me();
        Discussion d = s.discussion(id);
        Forum f = changeable(s.store.forum(d.forumId).orElseThrow());
        s.subs.set(f.id, d.id, me, true);
        return s.subscription(f, d.id, me);
    }

    /** Stops mail about one discussion, also when subscribed to its forum (recorded as an opt-out). */
    @DELETE
    @Path("discussions/{id}/subscription")
    @ContextCapability(ForumService.VIEW)
    public Views.Subscription unsubscribeDiscussion(@PathParam("id") long id) {
        long me = s.me();
        Discussion d = s.discussion(id);
        Forum f = changeable(s.store.forum(d.forumId).orElseThrow());
        s.subs.set(f.id, d.id, me, false);
        return s.subscription(f, d.id, me);
    }

    private Forum changeable(Forum f) {
        if ("forced".equals(f.subscription)) throw new Problem(409, "Conflict", s.messages.get("forum.error.forced"));
        if ("disabled".equals(f.subscription)) throw new Problem(409, "Conflict", s.messages.get("forum.error.nosubscriptions"));
        return f;
    }

    /** Sets a forum's subscription mode (moderators): optional, forced, auto or disabled. */
    @PUT
    @Path("forums/{id}/subscription/mode")
    @ContextCapability(ForumService.MODERATE)
    public Views.Subscription setMode(@PathParam("id") long id, Mode m) {
        long me = s.me();
        Forum f = s.forum(id);
        requireModerator(f.id);
        if (m == null || m.mode() == null || !Forum.MODES.contains(m.mode())) throw invalid(List.of("forum.error.mode"));
        s.subs.setMode(f.id, m.mode());
        return s.subscription(s.store.forum(f.id).orElseThrow(), null, me);
    }

    /** The caller's mail preference: {@code digest} false, each post by mail; true, one daily digest. */
    @GET
    @Path("preferences")
    @PublicAccess // the caller's own preference; 401 for guests
    public Map<String, Object> preferences() {
        return Map.of("digest", s.subs.digest(s.me()));
    }

    @PUT
    @Path("preferences")
    @PublicAccess // the caller's own preference; 401 for guests
    public Map<String, Object> setPreferences(Preferences p) {
        long me = s.me();
        if (p == null || p.digest() == null) throw Problem.badRequest("Send a JSON object with digest (true or false).");
        s.subs.setDigest(me, p.digest());
        return preferences();
    }

    /**
     * Runs the mail task now instead of at its next minute (administrators: tests, operations); {@code digest=true}
     * also sends the daily digest now.
     */
    @POST
    @Path("notifications/send")
    @RequiresCapability("kernel:manageplugins")
    public Views.MailRun sendNow(@QueryParam("digest") boolean digest) {
        return mail.send(digest);
    }

    // ---- search

    @GET
    @Path("search")
    @PublicAccess // searches only the forums the caller may see
    public List<Views.SearchHit> search(@QueryParam("q") String q, @QueryParam("author") String author, @QueryParam("from") String from, @QueryParam("to") String to) {
        List<String> bad = new ArrayList<>();
        Instant start = day(from, bad);
        Instant end = day(to, bad);
        if (end != null) end = end.plusSeconds(86400);
        if (q != null && q.length() > 200) bad.add("forum.error.query");
        if (!bad.isEmpty()) throw invalid(bad);
        Long authorId = null;
        if (author != null && !author.isBlank()) {
            var person = s.directory.byUsername(author.trim());
            if (person.isEmpty()) return List.of();
            authorId = person.get().id();
        }
        List<Forum> forums = new ArrayList<>(s.store.siteForums());
        // course forums the caller can open are found through their activities
        forums.addAll(courseForums());
        List<Long> ids = s.visibleForums(forums).stream().map(f -> f.id).toList();
        List<Views.SearchHit> out = new ArrayList<>();
        List<Post> posts = s.store.search(ids, q, authorId, start, end, 50);
        Set<Long> people = new HashSet<>();
        posts.forEach(p -> people.add(p.authorId));
        var names = s.names(people);
        for (Post p : posts) {
            Discussion d = s.store.discussion(p.discussionId).orElseThrow();
            Forum f = s.store.forum(d.forumId).orElseThrow();
            if (!s.visible(f, d, p)) continue;
            out.add(new Views.SearchHit(p.id, d.id, d.title, names.getOrDefault(p.authorId, s.anonymous()), p.createdAt, abbreviate(Sanitizer.text(p.body))));
        }
        return out;
    }

    private List<Forum> courseForums() {
        return s.store.courseForums();
    }

    private static Instant day(String v, List<String> bad) {
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            bad.add("forum.error.date");
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    static Instant instant(Object o) {
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        if (o instanceof Instant i) return i;
        if (o instanceof java.time.LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
        if (o instanceof java.time.OffsetDateTime odt) return odt.toInstant();
        return null;
    }

    Forum forumOf(Post p) {
        return s.store.discussion(p.discussionId).flatMap(d -> s.store.forum(d.forumId)).orElseThrow();
    }

    Problem invalid(List<String> keys) {
        return new Problem(422, "Invalid input", String.join(" ", keys.stream().distinct().map(k -> s.messages.get(k)).toList()));
    }
}
