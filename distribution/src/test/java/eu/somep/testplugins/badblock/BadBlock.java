package eu.somep.testplugins.badblock;

import eu.somep.api.web.View;
import eu.somep.spi.web.Block;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** A block whose rendering always throws: the dashboard and the home must leave it out and keep working. */
@Component(service = Block.class)
public class BadBlock implements Block {
    @Override public String id() { return "badblock:boom"; }
    @Override public String titleKey() { return "badblock.title"; }
    @Override public Set<String> places() { return Set.of(DASHBOARD, HOME); }
    @Override public int order() { return 1; }

    @Override
    public Optional<View> render(String place) {
        throw new IllegalStateException("this block is broken on purpose");
    }
}
