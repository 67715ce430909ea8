package eu.somep.forum;

import eu.somep.api.web.View;
import eu.somep.forum.internal.Forum;
import eu.somep.forum.internal.Post;
import eu.somep.forum.internal.Sanitizer;
import eu.somep.spi.web.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** "Latest forum posts" on the dashboard and the site home: the newest posts of the site forums the user may see. */
@Component(service = Block.class)
public class ForumBlock implements Block {
    private final ForumService s;

    @Activate
    public ForumBlock(@Reference ForumService s) {
        this.s = s;
    }

    public record Item(long discussionId, String title, String author, String excerpt) {
    }

    @Override public String id() { return "forum:latest"; }
    @Override public String titleKey() { return "forum.block.latest"; }
    @Override public Set<String> places() { return Set.of(DASHBOARD, HOME); }
    @Override public int order() { return 40; }

    @Override
    public Optional<View> render(String place) {
        List<Forum> forums = s.visibleForums(s.store.siteForums());
        List<Post> posts = s.store.latest(forums.stream().map(f -> f.id).toList(), 5);
        if (posts.isEmpty()) return Optional.empty();
        Set<Long> people = new HashSet<>();
        posts.forEach(p -> people.add(p.authorId));
        var names = s.names(people);
        List<Item> items = new ArrayList<>();
        for (Post p : posts) {
            s.store.discussion(p.discussionId).filter(d -> s.visible(s.store.forum(d.forumId).orElseThrow(), d, p)).ifPresent(d -> items.add(new Item(d.id, d.title, names.getOrDefault(p.authorId, s.anonymous()),
                    ForumApi.abbreviate(Sanitizer.text(p.body)).replaceAll("\\s+", " "))));
        }
        return Optional.of(View.of("forum/block-latest.ftlh").with("items", items));
    }
}
