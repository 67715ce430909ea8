package eu.somep.bestpractice;

import eu.somep.api.i18n.Messages;
import eu.somep.course.spi.SubjectDiscussions;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The bridge to the forum: satisfied only while the forum's {@link SubjectDiscussions} service is registered; it goes
 * away when the forum is disabled or removed, and with it the "discuss" links. It keeps the forum's texts for a case.
 */
@Component(service = CaseDiscussions.class)
public class ForumCaseDiscussions implements CaseDiscussions {
    private final SubjectDiscussions forum;
    private final Messages messages;

    @Activate
    public ForumCaseDiscussions(@Reference SubjectDiscussions forum, @Reference Messages messages) {
        this.forum = forum;
        this.messages = messages;
    }

    private static String subject(Views.CaseView c) {
        return "case:" + c.id();
    }

    @Override
    public Optional<String> find(Views.CaseView c) {
        return forum.find("bestpractice", subject(c));
    }

    @Override
    public boolean canStart() {
        return forum.canStart("bestpractice");
    }

    @Override
    public String open(Views.CaseView c) {
        // the forum and the first post are written in the starter's language, like any post they write
        return forum.open(new SubjectDiscussions.Subject("bestpractice", subject(c), messages.get("bestpractice.discuss.forum"),
                messages.get("bestpractice.discuss.forumintro"), c.organisation() + " (" + c.countryName() + ", " + c.year() + ")",
                messages.get("bestpractice.discuss.first", c.organisation(), c.summary()), "/bestpractice/case/" + c.id()));
    }
}
