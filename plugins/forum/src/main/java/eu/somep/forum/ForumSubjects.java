package eu.somep.forum;

import eu.somep.api.security.AccessControl;
import eu.somep.api.web.Problem;
import eu.somep.course.spi.SubjectDiscussions;
import eu.somep.forum.internal.Discussion;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.SubjectStore;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Discussions about other plugins' things, with the forum's own rules: its capabilities, its sanitiser, its subscriptions. */
@Component(service = SubjectDiscussions.class)
public class ForumSubjects implements SubjectDiscussions {
    private final ForumService s;
    private final SubjectStore subjects;

    @Activate
    public ForumSubjects(@Reference ForumService s) {
        this.s = s;
        this.subjects = s.subjects; // the forum's one Database, through its service
    }

    private static String key(String component, String subject) {
        if (component == null || !component.matches("[a-z][a-z0-9-]{0,40}") || subject == null || subject.isBlank() || subject.length() > 200)
            throw new IllegalArgumentException("a component name and a subject of at most 200 characters");
        return component + ":" + subject;
    }

    private static String page(long discussionId) {
        return "/forum/discussion/" + discussionId;
    }

    @Override
    public Optional<String> find(String component, String subject) {
        return subjects.discussion(key(component, subject)).flatMap(s.store::discussion)
                .filter(d -> s.store.forum(d.forumId).filter(s::canView).isPresent()).map(d -> page(d.id));
    }

    @Override
    public boolean canStart(String component) {
        if (s.user.userId().isEmpty()) return false;
        return subjects.forum(component).flatMap(s.store::forum).map(s::canStart).orElseGet(() -> s.access.can(ForumService.START, AccessControl.SITE));
    }

    /** The plugin's site forum, made on first use. */
    private Forum forum(SubjectDiscussions.Subject x) {
        Optional<Forum> f = subjects.forum(x.component()).flatMap(s.store::forum);
        if (f.isPresent()) return f.get();
        try {
            subjects.createForum(x.component(), "SOMEP", clip(x.forumName(), 255), clip(x.forumIntro(), 20000));
        } catch (RuntimeException raced) {
            // another request made it first: use theirs
        }
        return subjects.forum(x.component()).flatMap(s.store::forum).orElseThrow();
    }

    private static String clip(String v, int max) {
        String t = v == null ? "" : v.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String open(SubjectDiscussions.Subject x) {
        String key = key(x.component(), x.subject());
        long me = s.me();
        Optional<String> existing = find(x.component(), x.subject());
        if (existing.isPresent()) return existing.get();
        Forum f = forum(x);
        if (!s.canView(f) || !s.canStart(f)) throw new Problem(403, "Forbidden", s.messages.get("forum.error.nostart"));
        String link = x.link() != null && x.link().matches("/[A-Za-z0-9/_.-]*") ? x.link() : null;
        String title = clip(x.title(), 255).isEmpty() ? x.subject() : clip(x.title(), 255);
        String body = s.html("<p>" + escape(clip(x.text(), 20000)) + "</p>"
                + (link == null ? "" : "<p><a href=\"" + link + "\">" + escape(title) + "</a></p>"));
        try {
            Discussion d = subjects.start(key, f.id, title, me, body);
            s.posted(f, d.id, me);
            return page(d.id);
        } catch (RuntimeException raced) {
            // two requests at once: the other one's discussion stands, this one's was rolled back
            return subjects.discussion(key).map(ForumSubjects::page).orElseThrow(() -> raced);
        }
    }
}
