package eu.somep.core.web;

import eu.somep.api.web.View;
import eu.somep.core.security.Current;
import eu.somep.core.security.User;
import eu.somep.core.view.PluginRuntime;
import eu.somep.core.view.Runtimes;
import eu.somep.core.view.ViewRenderer;
import eu.somep.spi.web.Block;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The blocks plugins contribute to the dashboard and the site home, in each user's arrangement
 * ({@code kernel_block_pref}). A block that fails to render is left out and logged: one plugin's bug never
 * takes the page down.
 */
public final class Blocks {
    private static final Logger LOG = Logger.getLogger(Blocks.class.getName());
    private final Runtimes runtimes;
    private final DataSource ds;
    private ViewRenderer renderer;
    private ServiceTracker<Block, Block> tracker;

    public Blocks(Runtimes runtimes, DataSource ds) {
        this.runtimes = runtimes;
        this.ds = ds;
    }

    public void track(BundleContext ctx, ViewRenderer renderer) {
        this.renderer = renderer;
        tracker = new ServiceTracker<>(ctx, Block.class, null);
        tracker.open();
    }

    /** A block as arranged for a user: its id, title, position and whether it is hidden. */
    public record Arranged(String id, String title, int position, boolean hidden) {
    }

    /** A rendered block: its id, title and HTML (escaped by its own template). */
    public record Rendered(String id, String title, String html) {
    }

    private record Entry(Block block, PluginRuntime runtime) {
    }

    private List<Entry> available(String place) {
        List<Entry> out = new ArrayList<>();
        if (tracker == null) return out;
        ServiceReference<Block>[] refs = tracker.getServiceReferences();
        if (refs == null) return out;
        for (ServiceReference<Block> ref : refs) {
            Block b = tracker.getService(ref);
            if (b != null && ref.getBundle() != null && b.places().contains(place)) out.add(new Entry(b, runtimes.of(ref.getBundle())));
        }
        return out;
    }

    /** The blocks of a place in the user's order (defaults for guests and for blocks the user never moved). */
    public List<Arranged> arrangement(User user, String place) {
        Map<String, int[]> prefs = prefs(user, place);
        List<Arranged> out = new ArrayList<>();
        for (Entry e : available(place)) {
            int[] p = prefs.get(e.block().id());
            String title = e.runtime().messages().get(Current.get().locale(), e.block().titleKey());
            out.add(new Arranged(e.block().id(), title, p == null ? e.block().order() : p[0], p != null && p[1] == 1));
        }
        out.sort(Comparator.comparingInt(Arranged::position).thenComparing(Arranged::id));
        return out;
    }

    /** The visible blocks of a place, rendered for the current user. */
    public List<Rendered> render(String place) {
        User user = Current.get().user().orElse(null);
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : available(place)) byId.put(e.block().id(), e);
        List<Rendered> out = new ArrayList<>();
        for (Arranged a : arrangement(user, place)) {
            Entry e = byId.get(a.id());
            if (a.hidden() || e == null) continue;
            try {
                Optional<View> view = e.block().render(place);
                if (view.isEmpty()) continue;
                StringWriter html = new StringWriter();
                renderer.render(view.get(), e.runtime(), html);
                out.add(new Rendered(a.id(), a.title(), html.toString()));
            } catch (Exception | LinkageError ex) {
                LOG.log(Level.WARNING, "Block " + a.id() + " failed to render; it is left out", ex);
            }
        }
        return out;
    }

    /** Saves a user's arrangement of a place: the ids in order, and which are hidden. Unknown ids are refused. */
    public void arrange(User user, String place, List<String> order, java.util.Set<String> hidden) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Entry e : available(place)) known.add(e.block().id());
        for (String id : order) if (!known.contains(id)) throw new IllegalArgumentException(id);
        for (String id : hidden) if (!known.contains(id)) throw new IllegalArgumentException(id);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM kernel_block_pref WHERE user_id = ? AND place = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO kernel_block_pref (user_id, place, block_id, position, hidden) VALUES (?,?,?,?,?)")) {
                del.setLong(1, user.id());
                del.setString(2, place);
                del.executeUpdate();
                List<String> all = new ArrayList<>(order);
                for (String id : known) if (!all.contains(id)) all.add(id);
                for (int i = 0; i < all.size(); i++) {
                    ins.setLong(1, user.id());
                    ins.setString(2, place);
                    ins.setString(3, all.get(i));
                    ins.setInt(4, i);
                    ins.setBoolean(5, hidden.contains(all.get(i)));
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the arrangement: " + e.getMessage(), e);
        }
    }

    private Map<String, int[]> prefs(User user, String place) {
        Map<String, int[]> out = new HashMap<>();
        if (user == null) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT block_id, position, hidden FROM kernel_block_pref WHERE user_id = ? AND place = ?")) {
            ps.setLong(1, user.id());
            ps.setString(2, place);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0});
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the arrangement: " + e.getMessage(), e);
        }
    }

    public void close() {
        if (tracker != null) tracker.close();
    }
}
