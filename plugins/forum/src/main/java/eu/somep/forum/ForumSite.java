package eu.somep.forum;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.api.web.Uploads;
import eu.somep.forum.internal.Attachments;
import eu.somep.forum.internal.Discussion;
import eu.somep.forum.internal.ForumStore;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.Post;
import eu.somep.forum.internal.Sanitizer;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The forum pages under {@code /forum}; every change goes through {@link ForumApi}, so pages and API check the same. */
@Component(service = WebResource.class)
@Path("forum")
@Produces(MediaType.TEXT_HTML)
public class ForumSite implements WebResource {
    private final ForumApi api;
    private final ForumService s;
    private final Uploads uploads;

    @Activate
    public ForumSite(@Reference ForumApi api, @Reference Uploads uploads) {
        this.api = api;
        this.s = api.s;
        this.uploads = uploads;
    }

    /** The form's file field: up to three inputs of this name. */
    static final String FILES = "attachment";

    /**
     * The files of a multipart form, checked by content before anything is stored (inputs left empty are
     * skipped); a refusal is a 422.
     */
    private List<Attachments.Checked> files() {
        List<Attachments.Checked> out = new ArrayList<>();
        for (Uploads.File f : uploads.files(FILES)) {
            if ((f.filename() == null || f.filename().isEmpty()) && f.size() == 0) continue; // an input left empty
            if (out.size() >= Attachments.MAX_FILES) throw new Problem(422, "Invalid attachment", s.messages.get("forum.error.filecount", Attachments.MAX_FILES));
            byte[] bytes;
            if (f.size() > Attachments.MAX_BYTES) {
                bytes = null; // refused without reading it
            } else {
                try (var in = f.open()) {
                    bytes = in.readNBytes(Attachments.MAX_BYTES + 1);
                } catch (IOException e) {
                    bytes = null;
                }
            }
            out.add(api.check(f.filename(), bytes));
        }
        return out;
    }

    private String field(String name) {
        return uploads.field(name).orElse(null);
    }

    @GET
    @PublicAccess // lists only the forums the caller may see
    public View index() {
        return View.of("forum/index.ftlh").with("forums", api.forums()).with("canAdd", s.user.can(ForumService.ADD)).with("types", Forum.TYPES).with("error", "")
                .with("signedIn", s.user.userId().isPresent()).with("digest", s.user.userId().map(s.subs::digest).orElse(false));
    }

    /** The mail preference: each post, or a daily digest. */
    @POST
    @Path("preferences")
    @PublicAccess // the caller's own preference; 401 for guests
    public Response preferences(@FormParam("digest") String digest) {
        api.setPreferences(new ForumApi.Preferences("true".equals(digest)));
        return Response.seeOther(URI.create("/forum#mail")).build();
    }

    @POST
    @RequiresCapability(ForumService.ADD)
    public Response add(@FormParam("category") String category, @FormParam("name") String name, @FormParam("intro") String intro, @FormParam("type") String type) {
        return act(() -> api.createForum(new ForumApi.NewForum(category, name, intro, type)), "/forum", this::index);
    }

    @GET
    @Path("{id}")
    @ContextCapability(ForumService.VIEW)
    public View forum(@PathParam("id") long id, @QueryParam("page") Integer page) {
        int p = page == null ? 0 : Math.max(0, page);
        long pages = Math.max(1, (s.store.countDiscussions(id) + ForumService.PAGE - 1) / ForumService.PAGE);
        return forum(id, p).with("page", p).with("pages", pages);
    }

    private View forum(long id) {
        return forum(id, (Integer) null);
    }

    private View forum(long id, int page) {
        Forum f = s.forum(id);
        return View.of("forum/forum.ftlh").with("forum", s.view(f)).with("discussions", s.discussions(f, page)).with("page", page).with("pages", 1L).with("signedIn", s.user.userId().isPresent())
                .with("feed", f.activityId == null && s.access.can(ForumService.VIEW, eu.somep.api.security.AccessControl.SITE) && guestCanView(f))
                .with("title", "").with("message", "").with("error", "")
                .with("subscription", s.user.userId().map(u -> (Object) s.subscription(f, null, u)).orElse(""))
                .with("modes", Forum.MODES).with("mode", f.subscription == null ? "optional" : f.subscription);
    }

    @POST
    @Path("{id}/{op: subscribe|unsubscribe}")
    @ContextCapability(ForumService.VIEW)
    public Response subscribeForum(@PathParam("id") long id, @PathParam("op") String op) {
        if ("subscribe".equals(op)) api.subscribeForum(id);
        else api.unsubscribeForum(id);
        return Response.seeOther(URI.create("/forum/" + id)).build();
    }

    @POST
    @Path("{id}/mode")
    @ContextCapability(ForumService.MODERATE)
    public Response mode(@PathParam("id") long id, @FormParam("mode") String mode) {
        api.setMode(id, new ForumApi.Mode(mode));
        return Response.seeOther(URI.create("/forum/" + id)).build();
    }

    // ---- the one-click unsubscribe link in mails: GET shows a button, only POST changes anything (mail scanners follow links)

    @GET
    @Path("unsubscribe")
    @PublicAccess // the signed token is the permission
    public Response unsubscribePage(@QueryParam("token") String token) {
        return unsubscribe(token, false);
    }

    @POST
    @Path("unsubscribe")
    @PublicAccess // the signed token is the permission
    public Response unsubscribeNow(@FormParam("token") String token) {
        return unsubscribe(token, true);
    }

    private Response unsubscribe(String token, boolean act) {
        View v = View.of("forum/unsubscribe.ftlh").with("token", token == null ? "" : token).with("what", "").with("done", false).with("error", "");
        var t = eu.somep.forum.internal.UnsubscribeToken.verify(token, s.key());
        Forum f = t.flatMap(x -> s.store.forum(x.forumId())).orElse(null);
        Discussion d = t.filter(x -> x.discussionId() != 0).flatMap(x -> s.store.discussion(x.discussionId())).orElse(null);
        if (f == null || (t.get().discussionId() != 0 && d == null)) {
            return Response.status(400).entity(v.with("error", s.messages.get("forum.unsubscribe.invalid"))).build();
        }
        v = v.with("what", d == null ? f.name : d.title);
        if ("forced".equals(f.subscription)) return Response.status(409).entity(v.with("error", s.messages.get("forum.error.forced"))).build();
        if (!act) return Response.ok(v).build();
        long user = t.get().userId();
        if (d == null) s.subs.leaveForum(f.id, user);
        else s.subs.set(f.id, d.id, user, false);
        return Response.ok(v.with("done", true)).build();
    }

    private boolean guestCanView(Forum f) {
        return f.activityId == null; // site forums are readable by guests unless an administrator prevents forum:view for the guest role
    }

    @POST
    @Path("{id}/discussions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability({ForumService.START, ForumService.NEWS})
    public Response start(@PathParam("id") long id, @FormParam("title") String title, @FormParam("message") String message) {
        try {
            Views.DiscussionView d = (Views.DiscussionView) api.startDiscussion(id, new ForumApi.NewDiscussion(title, message)).getEntity();
            return Response.seeOther(URI.create("/forum/discussion/" + d.id())).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(forum(id).with("title", title == null ? "" : title).with("message", message == null ? "" : message)
                    .with("error", p.getMessage())).build();
        }
    }

    /** The new-discussion form with files (multipart): the files are checked first, and nothing is stored when one is refused. */
    @POST
    @Path("{id}/discussions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ContextCapability({ForumService.START, ForumService.NEWS})
    public Response startWithFiles(@PathParam("id") long id) {
        String title = field("title");
        String message = field("message");
        try {
            List<Attachments.Checked> files = files();
            Views.DiscussionView d = (Views.DiscussionView) api.startDiscussion(id, new ForumApi.NewDiscussion(title, message)).getEntity();
            api.attach(s.store.posts(d.id()).get(0).id, files);
            return Response.seeOther(URI.create("/forum/discussion/" + d.id())).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(forum(id).with("title", title == null ? "" : title).with("message", message == null ? "" : message)
                    .with("error", p.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/read")
    @ContextCapability(ForumService.VIEW)
    public Response read(@PathParam("id") long id) {
        api.markRead(id);
        return Response.seeOther(URI.create("/forum/" + id)).build();
    }

    // ---- a discussion

    @GET
    @Path("discussion/{id}")
    @ContextCapability(ForumService.VIEW)
    public View discussion(@PathParam("id") long id, @QueryParam("mode") String mode, @QueryParam("order") String order,
                           @QueryParam("reply") Long reply, @QueryParam("quote") String quote) {
        Views.DiscussionPage page = api.discussion(id, mode, order);
        String text = "";
        if (reply != null && quote != null) {
            text = page.posts().stream().filter(p -> p.id() == reply).findFirst()
                    .map(p -> "<blockquote>" + p.author() + ": " + escape(Sanitizer.text(p.body())) + "</blockquote>\n\n").orElse("");
        }
        return discussionView(page, mode, order, reply, text, "");
    }

    private View discussionView(Views.DiscussionPage page, String mode, String order, Long reply, String message, String error) {
        Forum f = s.store.forum(page.forum().id()).orElseThrow();
        List<Views.ForumView> targets = page.forum().moderator()
                ? s.visibleForums(f.activityId == null ? s.store.siteForums() : List.of(f)).stream().filter(s::moderator).map(s::view).toList() : List.of();
        return View.of("forum/discussion.ftlh").with("page", page).with("mode", "flat".equals(mode) ? "flat" : "nested")
                .with("order", "newest".equals(order) ? "newest" : "oldest").with("reply", reply == null ? 0L : reply).with("message", message)
                .with("error", error).with("signedIn", s.user.userId().isPresent()).with("me", s.user.userId().orElse(0L)).with("targets", targets)
                .with("subscription", s.user.userId().map(u -> (Object) s.subscription(f, page.discussion().id(), u)).orElse(""));
    }

    @POST
    @Path("discussion/{id}/{op: subscribe|unsubscribe}")
    @ContextCapability(ForumService.VIEW)
    public Response subscribeDiscussion(@PathParam("id") long id, @PathParam("op") String op) {
        if ("subscribe".equals(op)) api.subscribeDiscussion(id);
        else api.unsubscribeDiscussion(id);
        return Response.seeOther(URI.create("/forum/discussion/" + id)).build();
    }

    @POST
    @Path("discussion/{id}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ContextCapability({ForumService.REPLY, ForumService.NEWS})
    public Response reply(@PathParam("id") long id, @FormParam("parentId") Long parentId, @FormParam("message") String message) {
        try {
            api.reply(id, new ForumApi.Message(message, parentId));
            return Response.seeOther(URI.create("/forum/discussion/" + id)).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(discussionView(api.discussion(id, null, null), null, null, parentId, message == null ? "" : message, p.getMessage())).build();
        }
    }

    /** The reply form with files (multipart). */
    @POST
    @Path("discussion/{id}/reply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ContextCapability({ForumService.REPLY, ForumService.NEWS})
    public Response replyWithFiles(@PathParam("id") long id) {
        Long parentId = null;
        String parent = field("parentId");
        if (parent != null && !parent.isBlank()) {
            try {
                parentId = Long.parseLong(parent.trim());
            } catch (NumberFormatException e) {
                parentId = -1L; // not a post of this discussion: refused by reply()
            }
        }
        String message = field("message");
        try {
            List<Attachments.Checked> files = files();
            @SuppressWarnings("unchecked")
            Map<String, Object> made = (Map<String, Object>) api.reply(id, new ForumApi.Message(message, parentId)).getEntity();
            api.attach(((Number) made.get("id")).longValue(), files);
            return Response.seeOther(URI.create("/forum/discussion/" + id)).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(discussionView(api.discussion(id, null, null), null, null, parentId, message == null ? "" : message, p.getMessage())).build();
        }
    }

    @POST
    @Path("discussion/{id}/{op: pin|unpin|lock|unlock}")
    @ContextCapability(ForumService.MODERATE)
    public Response moderate(@PathParam("id") long id, @PathParam("op") String op) {
        api.moderate(id, op);
        return Response.seeOther(URI.create("/forum/discussion/" + id)).build();
    }

    @POST
    @Path("post/{id}/split")
    @ContextCapability(ForumService.MODERATE)
    public Response split(@PathParam("id") long id, @FormParam("title") String title) {
        long from = s.post(id).discussionId;
        try {
            Views.DiscussionView d = (Views.DiscussionView) api.split(id, new ForumApi.NewDiscussion(title, null)).getEntity();
            return Response.seeOther(URI.create("/forum/discussion/" + d.id())).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(postAction(id, "split", title, p.getMessage())).build();
        }
    }

    /** The page that reports a post, or (moderators) splits a reply off: one link per post on the discussion page. */
    @GET
    @Path("post/{id}/{action: report|split}")
    @ContextCapability(ForumService.VIEW)
    public View postActionForm(@PathParam("id") long id, @PathParam("action") String action) {
        return postAction(id, action, "", "");
    }

    private View postAction(long id, String action, String value, String error) {
        s.me();
        Post p = s.post(id);
        Forum f = api.forumOf(p);
        if ("split".equals(action) && !s.moderator(f)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.moderator"));
        Views.PostView post = s.view(f, p, 0, s.names(java.util.Set.of(p.authorId)), Map.of(), Map.of());
        return View.of("forum/post-action.ftlh").with("action", action).with("post", post).with("discussion", p.discussionId)
                .with("value", value == null ? "" : value).with("error", error);
    }

    @POST
    @Path("discussion/{id}/move")
    @ContextCapability(ForumService.MODERATE)
    public Response move(@PathParam("id") long id, @FormParam("forumId") Long forumId) {
        api.move(id, new ForumApi.Move(forumId));
        return Response.seeOther(URI.create("/forum/discussion/" + id)).build();
    }

    @POST
    @Path("discussion/{id}/delete")
    @ContextCapability(ForumService.MODERATE)
    public Response deleteDiscussion(@PathParam("id") long id) {
        long forum = s.discussion(id).forumId;
        api.deleteDiscussion(id);
        return Response.seeOther(URI.create("/forum/" + forum)).build();
    }

    // ---- a post

    @GET
    @Path("post/{id}/edit")
    @ContextCapability(ForumService.MODERATE)
    public View editForm(@PathParam("id") long id) {
        Post p = s.post(id);
        if (!s.canEdit(api.forumOf(p), p)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.editwindow", s.editWindow().toMinutes()));
        return View.of("forum/edit.ftlh").with("post", p.id).with("discussion", p.discussionId).with("message", p.body).with("error", "");
    }

    @POST
    @Path("post/{id}/edit")
    @ContextCapability(ForumService.MODERATE)
    public Response edit(@PathParam("id") long id, @FormParam("message") String message) {
        Post p = s.post(id);
        try {
            api.edit(id, new ForumApi.Message(message, null));
            return Response.seeOther(URI.create("/forum/discussion/" + p.discussionId)).build();
        } catch (Problem e) {
            if (e.status() != 422) throw e;
            return Response.status(422).entity(View.of("forum/edit.ftlh").with("post", p.id).with("discussion", p.discussionId)
                    .with("message", message == null ? "" : message).with("error", e.getMessage())).build();
        }
    }

    @POST
    @Path("post/{id}/delete")
    @ContextCapability(ForumService.MODERATE)
    public Response delete(@PathParam("id") long id) {
        Post p = s.post(id);
        Discussion d = s.discussion(p.discussionId);
        boolean first = s.store.posts(d.id).get(0).id.equals(p.id);
        api.delete(id);
        return Response.seeOther(URI.create(first ? "/forum/" + d.forumId : "/forum/discussion/" + d.id)).build();
    }

    @GET
    @Path("post/{id}/history")
    @ContextCapability(ForumService.MODERATE)
    public View history(@PathParam("id") long id) {
        List<ForumApi.Version> versions = api.history(id);
        Post p = s.post(id);
        return View.of("forum/history.ftlh").with("versions", versions).with("discussion", p.discussionId).with("current", p.body);
    }

    @POST
    @Path("post/{id}/helpful")
    @ContextCapability(ForumService.VIEW)
    public Response helpful(@PathParam("id") long id) {
        Post p = s.post(id);
        api.helpful(id);
        return Response.seeOther(URI.create("/forum/discussion/" + p.discussionId + "#p" + id)).build();
    }

    @POST
    @Path("post/{id}/report")
    @ContextCapability(ForumService.VIEW)
    public Response report(@PathParam("id") long id, @FormParam("reason") String reason) {
        Post p = s.post(id);
        try {
            api.report(id, new ForumApi.Reason(reason));
            return Response.seeOther(URI.create("/forum/discussion/" + p.discussionId + "?reported=1")).build();
        } catch (Problem e) {
            if (e.status() != 422) throw e;
            return Response.status(422).entity(postAction(id, "report", reason, e.getMessage())).build();
        }
    }

    // ---- attached files

    /**
     * A file attached to a post, for those who may see the post (404 otherwise): with the type detected when it was
     * stored, images inline and everything else as a download (the kernel adds {@code X-Content-Type-Options: nosniff}).
     */
    @GET
    @Path("attachment/{id}")
    @Produces(MediaType.WILDCARD)
    @ContextCapability(ForumService.VIEW)
    public Response attachment(@PathParam("id") long id) {
        ForumStore.Attachment a = s.attachment(id);
        byte[] bytes = s.store.attachmentBytes(a.id(), false).orElseThrow(() -> Problem.notFound(s.messages.get("forum.error.notfound")));
        String type = Attachments.TEXT.equals(a.contentType()) ? "text/plain;charset=utf-8" : a.contentType();
        return Response.ok(bytes, type).header("Content-Disposition", Attachments.disposition(a.contentType(), a.name()))
                .header("Cache-Control", "private, max-age=300").build();
    }

    /** An image's thumbnail (a PNG at most 320 px wide), under the same rule. */
    @GET
    @Path("attachment/{id}/thumb")
    @Produces("image/png")
    @ContextCapability(ForumService.VIEW)
    public Response thumbnail(@PathParam("id") long id) {
        ForumStore.Attachment a = s.attachment(id);
        byte[] bytes = s.store.attachmentBytes(a.id(), true).orElseThrow(() -> Problem.notFound(s.messages.get("forum.error.notfound")));
        return Response.ok(bytes, "image/png").header("Content-Disposition", "inline").header("Cache-Control", "private, max-age=300").build();
    }

    // ---- moderation queue, search, feeds

    @GET
    @Path("reports")
    @ContextCapability(ForumService.MODERATE)
    public View reports() {
        return View.of("forum/reports.ftlh").with("reports", api.reports());
    }

    @POST
    @Path("reports/{id}/resolve")
    @ContextCapability(ForumService.MODERATE)
    public Response resolve(@PathParam("id") long id) {
        api.resolve(id);
        return Response.seeOther(URI.create("/forum/reports")).build();
    }

    @GET
    @Path("search")
    @PublicAccess // searches only what the caller may see
    public Response search(@QueryParam("q") String q, @QueryParam("author") String author, @QueryParam("from") String from, @QueryParam("to") String to) {
        View v = View.of("forum/search.ftlh").with("q", q == null ? "" : q).with("author", author == null ? "" : author)
                .with("from", from == null ? "" : from).with("to", to == null ? "" : to).with("error", "").with("searched", false).with("hits", List.of());
        boolean asked = (q != null && !q.isBlank()) || (author != null && !author.isBlank()) || (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (!asked) return Response.ok(v).build();
        try {
            return Response.ok(v.with("hits", api.search(q, author, from, to)).with("searched", true)).build();
        } catch (Problem p) {
            if (p.status() != 422) throw p;
            return Response.status(422).entity(v.with("error", p.getMessage())).build();
        }
    }

    /** An Atom feed of a site forum's newest posts, for forums a guest may read. */
    @GET
    @Path("{id}/feed.atom")
    @Produces("application/atom+xml")
    @ContextCapability(ForumService.VIEW)
    public Response feed(@PathParam("id") long id) {
        Forum f = s.store.forum(id).filter(x -> x.activityId == null && s.access.can(ForumService.VIEW, eu.somep.api.security.AccessControl.SITE))
                .orElseThrow(() -> Problem.notFound(s.messages.get("forum.error.notfound")));
        List<Post> posts = s.store.latest(List.of(f.id), 20);
        var names = s.names(new java.util.HashSet<>(posts.stream().map(p -> p.authorId).toList()));
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("<title>").append(escape(f.name)).append("</title>\n<id>urn:somep:forum:").append(f.id).append("</id>\n");
        x.append("<updated>").append(DateTimeFormatter.ISO_INSTANT.format(posts.isEmpty() ? f.createdAt : posts.get(0).createdAt)).append("</updated>\n");
        x.append("<link href=\"/forum/").append(f.id).append("\"/>\n");
        for (Post p : posts) {
            Discussion d = s.store.discussion(p.discussionId).orElseThrow();
            if (!s.visible(f, d, p)) continue;
            x.append("<entry><title>").append(escape(d.title)).append("</title><id>urn:somep:post:").append(p.id).append("</id>")
                    .append("<updated>").append(DateTimeFormatter.ISO_INSTANT.format(p.modifiedAt)).append("</updated>")
                    .append("<author><name>").append(escape(names.getOrDefault(p.authorId, s.anonymous()))).append("</name></author>")
                    .append("<link href=\"/forum/discussion/").append(d.id).append("#p").append(p.id).append("\"/>")
                    .append("<content type=\"html\">").append(escape(p.body)).append("</content></entry>\n");
        }
        x.append("</feed>\n");
        return Response.ok(x.toString(), "application/atom+xml;charset=utf-8").build();
    }

    private Response act(Supplier<Object> op, String back, Supplier<View> page) {
        try {
            op.get();
            return Response.seeOther(URI.create(back)).build();
        } catch (Problem p) {
            if (p.status() == 404 || p.status() == 401) throw p;
            return Response.status(p.status()).entity(page.get().with("error", p.getMessage())).build();
        }
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
