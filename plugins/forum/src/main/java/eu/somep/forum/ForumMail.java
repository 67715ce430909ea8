package eu.somep.forum;

import eu.somep.api.mail.Mail;
import eu.somep.api.security.UserDirectory;
import eu.somep.forum.internal.Discussion;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.Post;
import eu.somep.forum.internal.Sanitizer;
import eu.somep.forum.internal.UnsubscribeToken;
import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Forum mail, as a scheduled task (every {@code mailSeconds}, one minute by default): first each new post's
 * recipients go into the queue (forum_queue), then queued posts are mailed to those who want each post, one mail
 * per post and recipient, and once a day (the first run after {@code digestHour} UTC) one digest to each digest
 * subscriber. A queue row goes only once the SMTP server accepted its mail (or the recipient may no longer see the
 * post), so a crash or an unreachable server loses nothing; at worst a mail goes out twice.
 *
 * <p>Administrators can run it at once with {@code POST /api/forum/notifications/send} (tests, operations).
 */
@Component(service = {ScheduledTask.class, ForumMail.class})
public class ForumMail implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(ForumMail.class.getName());
    private static final int BATCH = 500;
    private final ForumService s;
    private final Mail mail;

    @Activate
    public ForumMail(@Reference ForumService s, @Reference Mail mail) {
        this.s = s;
        this.mail = mail;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(Math.max(5, s.config().mailSeconds()));
    }

    @Override
    public void run() {
        Views.MailRun r = send(false);
        if (r.mails() + r.digests() > 0) LOG.fine("Forum mail: " + r);
    }

    /** One run: queue new posts, mail each post, and the digest when it is due (or {@code digestNow}). Runs never overlap on a node. */
    synchronized Views.MailRun send(boolean digestNow) {
        int posts = fanOut();
        int mails = immediate();
        int digests = 0;
        if (digestNow || digestDue()) {
            digests = digest();
            s.subs.setState("digest.last", LocalDate.now(ZoneOffset.UTC).toString());
        }
        return new Views.MailRun(posts, mails, digests, s.subs.queued(false, BATCH).size() + s.subs.queued(true, BATCH).size());
    }

    /** Once a day, at the first run after the digest hour; a new site counts today as done (its first digest is tomorrow's). */
    private boolean digestDue() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String today = now.toLocalDate().toString();
        Optional<String> last = s.subs.state("digest.last");
        if (last.isEmpty()) {
            s.subs.setState("digest.last", today);
            return false;
        }
        return now.getHour() >= s.config().digestHour() && !last.get().equals(today);
    }

    // ---- who gets a post

    /** Works out the recipients of every post not yet queued, and queues them. */
    private int fanOut() {
        int n = 0;
        for (Post p : s.subs.unqueued(BATCH)) {
            s.subs.enqueue(p.id, recipients(p));
            n++;
        }
        return n;
    }

    private Set<Long> recipients(Post p) {
        Optional<Discussion> d = s.store.discussion(p.discussionId);
        Optional<Forum> f = d.flatMap(x -> s.store.forum(x.forumId));
        if (f.isEmpty() || p.deleted) return Set.of();
        String mode = f.get().subscription == null ? "optional" : f.get().subscription;
        Set<Long> candidates = switch (mode) {
            case "disabled" -> Set.of();
            case "forced" -> new LinkedHashSet<>(s.directory.activeIds());
            default -> s.subs.subscribers(f.get().id, d.get().id);
        };
        long first = s.store.posts(d.get().id).get(0).id;
        Set<Long> out = new LinkedHashSet<>();
        for (long u : candidates) {
            if (u != p.authorId && s.canSee(u, f.get(), d.get(), p, first)) out.add(u);
        }
        return out;
    }

    // ---- sending

    /** What a queued row is about, re-checked when it is sent (the recipient may have lost access meanwhile). */
    private record Item(Post post, Discussion discussion, Forum forum, UserDirectory.Person to, String author) {
    }

    private Optional<Item> item(long postId, long userId, Map<Long, Optional<UserDirectory.Person>> people) {
        Optional<Post> p = s.store.post(postId);
        if (p.isEmpty()) return Optional.empty();
        Optional<Discussion> d = s.store.discussion(p.get().discussionId);
        Optional<Forum> f = d.flatMap(x -> s.store.forum(x.forumId));
        if (f.isEmpty() || "disabled".equals(f.get().subscription)) return Optional.empty();
        UserDirectory.Person to = people.computeIfAbsent(userId, s.directory::byId).orElse(null);
        if (to == null || to.email() == null || to.email().isBlank()) return Optional.empty();
        if (!s.canSee(userId, f.get(), d.get(), p.get(), s.store.posts(d.get().id).get(0).id)) return Optional.empty();
        String author = people.computeIfAbsent(p.get().authorId, s.directory::byId).map(UserDirectory.Person::displayName).orElse(s.anonymous());
        return Optional.of(new Item(p.get(), d.get(), f.get(), to, author));
    }

    private int immediate() {
        int sent = 0;
        Map<Long, Optional<UserDirectory.Person>> people = new HashMap<>();
        for (long[] row : s.subs.queued(false, BATCH)) {
            Optional<Item> it = item(row[0], row[1], people);
            if (it.isEmpty()) {
                s.subs.dequeue(row[0], row[1]);
                continue;
            }
            Item i = it.get();
            String subject = m("forum.mail.subject", i.forum.name, i.discussion.title);
            StringBuilder text = new StringBuilder();
            text.append(m("forum.mail.wrote", i.author, i.discussion.title, i.forum.name)).append("\n\n");
            text.append(Sanitizer.text(i.post.body)).append("\n\n-- \n");
            text.append(m("forum.mail.open")).append(' ').append(link(i)).append('\n');
            footer(text, i.forum, i.discussion, i.to.id());
            if (!mail.sendNow(i.to.email(), oneLine(subject), text.toString())) break; // the server is away: try again next run
            s.subs.dequeue(row[0], row[1]);
            sent++;
        }
        return sent;
    }

    private int digest() {
        int sent = 0;
        Map<Long, Optional<UserDirectory.Person>> people = new HashMap<>();
        Map<Long, List<long[]>> byUser = new LinkedHashMap<>();
        for (long[] row : s.subs.queued(true, BATCH * 10)) byUser.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row);
        for (Map.Entry<Long, List<long[]>> e : byUser.entrySet()) {
            List<Item> items = new ArrayList<>();
            for (long[] row : e.getValue()) {
                Optional<Item> it = item(row[0], row[1], people);
                if (it.isPresent()) items.add(it.get());
                else s.subs.dequeue(row[0], row[1]);
            }
            if (items.isEmpty()) continue;
            UserDirectory.Person to = items.get(0).to;
            StringBuilder text = new StringBuilder(m("forum.mail.digest.intro", items.size())).append("\n\n");
            Set<Long> forums = new LinkedHashSet<>();
            for (Item i : items) {
                text.append("== ").append(i.forum.name).append(" / ").append(i.discussion.title).append(" ==\n");
                text.append(m("forum.mail.digest.by", i.author)).append('\n');
                text.append(Sanitizer.text(i.post.body)).append('\n');
                text.append(m("forum.mail.open")).append(' ').append(link(i)).append("\n\n");
                forums.add(i.forum.id);
            }
            text.append("-- \n");
            for (Item i : items) {
                if (!forums.remove(i.forum.id)) continue;
                text.append(i.forum.name).append(": ");
                footer(text, i.forum, null, to.id());
            }
            if (!mail.sendNow(to.email(), oneLine(m("forum.mail.digest.subject", items.size())), text.toString())) break;
            for (long[] row : e.getValue()) s.subs.dequeue(row[0], row[1]);
            sent++;
        }
        return sent;
    }

    /**
     * The unsubscribe link (from the forum when subscribed to it, else from the discussion), or, in a forced forum,
     * why there is none; and where to choose between each post and the digest.
     */
    private void footer(StringBuilder text, Forum f, Discussion d, long userId) {
        String base = mail.baseUrl();
        if ("forced".equals(f.subscription)) {
            text.append(m("forum.mail.forced")).append('\n');
        } else {
            boolean forum = s.subs.row(f.id, null, userId).orElse(false);
            long discussion = forum || d == null ? 0 : d.id;
            String token = new UnsubscribeToken(userId, f.id, discussion).sign(s.key());
            text.append(m(discussion == 0 ? "forum.mail.unsubscribe.forum" : "forum.mail.unsubscribe.discussion")).append(' ')
                    .append(base).append("/forum/unsubscribe?token=").append(token).append('\n');
        }
        text.append(m("forum.mail.preferences")).append(' ').append(base).append("/forum#mail\n");
    }

    private String link(Item i) {
        return mail.baseUrl() + "/forum/discussion/" + i.discussion.id + "#p" + i.post.id;
    }

    private String m(String key, Object... args) {
        return s.messages.get(Locale.ENGLISH, key, args);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
