package eu.somep.core.privacy;

import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A person's data across the kernel and every running plugin: the "my data" archive and an administrator's erase.
 * Plugins take part by registering a {@link PrivacyProvider} service; the kernel's own provider always comes last.
 */
public final class Privacy implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Privacy.class.getName());
    private final Users users;
    private final KernelPrivacy kernel;
    private final PersonalColumns columns;
    private final UnaryOperator<String> text;
    private ServiceTracker<PrivacyProvider, PrivacyProvider> tracker;

    public Privacy(DataSource ds, Users users, UnaryOperator<String> text) {
        this.users = users;
        this.kernel = new KernelPrivacy(ds, text);
        this.columns = new PersonalColumns(ds);
        this.text = text;
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, PrivacyProvider.class, null);
        tracker.open();
    }

    /** The running plugins' providers by component, then the kernel's. */
    public List<PrivacyProvider> providers() {
        List<PrivacyProvider> out = new ArrayList<>();
        Object[] services = tracker == null ? null : tracker.getServices();
        if (services != null) for (Object s : services) out.add((PrivacyProvider) s);
        out.sort(Comparator.comparing(PrivacyProvider::component));
        out.add(kernel);
        return out;
    }

    /** What one component stores, for people to read; a provider that fails to answer is listed with its error. */
    public record Described(String component, List<PrivacyProvider.StoredData> data, String error) {
    }

    public List<Described> describe() {
        List<Described> out = new ArrayList<>();
        for (PrivacyProvider p : providers()) {
            try {
                out.add(new Described(p.component(), List.copyOf(p.describe()), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Privacy provider failed to describe its data", e);
                out.add(new Described(safeComponent(p), List.of(), String.valueOf(e.getMessage())));
            }
        }
        return out;
    }

    /** Tables that refer to people but belong to no running provider's component (see {@link PersonalColumns}). */
    public Map<String, List<String>> uncovered() {
        TreeSet<String> covered = new TreeSet<>();
        for (PrivacyProvider p : providers()) covered.add(safeComponent(p));
        return columns.uncovered(covered);
    }

    /**
     * Writes the person's archive: {@code README.txt} and {@code index.json} (what each component stores and which
     * files it wrote), then one folder per component. A provider that fails is named in both, and the rest still run.
     */
    public void export(User user, OutputStream out) throws IOException {
        ZipExport zip = new ZipExport(out);
        List<Map<String, Object>> index = new ArrayList<>();
        for (PrivacyProvider p : providers()) {
            String component = safeComponent(p);
            ZipExport.Folder folder = zip.folder(component);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("component", component);
            try {
                entry.put("data", p.describe());
                p.export(user.id(), folder);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Privacy export of " + component + " failed", e);
                entry.put("error", String.valueOf(e.getMessage()));
            }
            entry.put("files", folder.written);
            index.add(entry);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("username", user.username());
        meta.put("exportedAt", Instant.now());
        meta.put("components", index);
        zip.entry("index.json", zip.json.writeValueAsBytes(meta));
        zip.entry("README.txt", readme(user, index).getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    @SuppressWarnings("unchecked")
    private String readme(User user, List<Map<String, Object>> index) {
        StringBuilder s = new StringBuilder(text.apply("kernel.privacy.readme.title")).append(": ").append(user.username()).append("\n\n");
        s.append(text.apply("kernel.privacy.readme.intro")).append("\n");
        for (Map<String, Object> c : index) {
            s.append("\n").append(c.get("component")).append("/\n");
            Object data = c.get("data");
            if (data instanceof List<?> list) {
                for (Object d : list) {
                    PrivacyProvider.StoredData sd = (PrivacyProvider.StoredData) d;
                    s.append("  - ").append(sd.name()).append(": ").append(sd.purpose()).append("\n");
                }
            }
            if (c.containsKey("error")) s.append("  ! ").append(text.apply("kernel.privacy.readme.failed")).append(": ").append(c.get("error")).append("\n");
            for (String f : (List<String>) c.get("files")) s.append("    ").append(f).append("\n");
        }
        return s.toString();
    }

    /** What happened to one component in an erase: records deleted or anonymised, or why it failed. */
    public record Outcome(String component, long records, String error) {
    }

    /** The result of an erase: the account is deleted only when {@code complete}. */
    public record Erasure(long userId, boolean complete, boolean accountDeleted, List<Outcome> outcomes, Map<String, List<String>> uncovered) {
    }

    /**
     * Erases a person everywhere. Refused (nothing changes) while some table refers to people without a running
     * provider for it, since that data would stay behind. Otherwise the account is suspended first (no new data can
     * arrive), every plugin's provider erases its part, then the kernel's; the account row is deleted only when all
     * succeeded. After a failure the account stays suspended and the erase can simply be run again.
     */
    public Erasure erase(User user) {
        Map<String, List<String>> missing = uncovered();
        if (!missing.isEmpty()) return new Erasure(user.id(), false, false, List.of(), missing);
        users.setSuspended(user, true);
        List<Outcome> outcomes = new ArrayList<>();
        boolean ok = true;
        for (PrivacyProvider p : providers()) {
            if (p == kernel && !ok) break; // the kernel's part (roles, tokens) stays until the plugins have done theirs
            try {
                outcomes.add(new Outcome(safeComponent(p), p.erase(user.id()), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Privacy erase of " + safeComponent(p) + " failed for user " + user.id(), e);
                outcomes.add(new Outcome(safeComponent(p), 0, String.valueOf(e.getMessage())));
                ok = false;
            }
        }
        if (ok) users.delete(user);
        return new Erasure(user.id(), ok, ok, outcomes, Map.of());
    }

    private static String safeComponent(PrivacyProvider p) {
        try {
            String c = p.component();
            return c == null || c.isBlank() ? "unnamed" : c;
        } catch (RuntimeException e) {
            return "unnamed";
        }
    }

    @Override
    public void close() {
        if (tracker != null) tracker.close();
    }
}
