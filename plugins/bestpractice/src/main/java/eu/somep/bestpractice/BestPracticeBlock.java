package eu.somep.bestpractice;

import eu.somep.api.security.AccessControl;
import eu.somep.api.web.View;
import eu.somep.spi.web.Block;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** "A case from the COMPOSITE report" on the dashboard and the site home: one case the report names, a different one each day. */
@Component(service = Block.class)
public class BestPracticeBlock implements Block {
    private final BestPracticeService s;

    @Activate
    public BestPracticeBlock(@Reference BestPracticeService s) {
        this.s = s;
    }

    @Override public String id() { return "bestpractice:featured"; }
    @Override public String titleKey() { return "bestpractice.block.featured"; }
    @Override public Set<String> places() { return Set.of(DASHBOARD, HOME); }
    @Override public int order() { return 45; }

    @Override
    public Optional<View> render(String place) {
        if (!s.access.can(BestPracticeService.VIEW, AccessControl.SITE)) return Optional.empty();
        return s.featured().map(c -> View.of("bestpractice/block-featured.ftlh").with("c", c));
    }
}
