package eu.somep.library;

import eu.somep.api.event.EventBus;
import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.Problem;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.CourseTracker;
import eu.somep.library.internal.ChosenStore;
import eu.somep.library.internal.DatabaseFileStore;
import eu.somep.library.internal.Document;
import eu.somep.library.internal.Extractor;
import eu.somep.library.internal.Folder;
import eu.somep.library.internal.Indexer;
import eu.somep.library.internal.LibraryStore;
import eu.somep.library.internal.LocalFileStore;
import eu.somep.library.internal.Refused;
import eu.somep.library.internal.Visibility;
import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The library's rules, shared by its pages, its API and its activity type: who may see a folder or a document, who
 * may upload, edit and manage, and the limits. Every check answers "not found" to those who may not see, so nobody
 * learns which ids exist.
 */
@Component(service = LibraryService.class, configurationPid = "eu.somep.library")
@Designate(ocd = LibraryConfig.class)
public class LibraryService {
    public static final String VIEW = "library:view";
    public static final String DOWNLOAD = "library:download";
    public static final String UPLOAD = "library:upload";
    public static final String MANAGE = "library:manage";
    /** Published when this node's search index took in changes (its own or another node's): {@code change}, {@code documents}. */
    public static final String TOPIC_INDEXED = "library/index/updated";
    private static final Logger LOG = Logger.getLogger(LibraryService.class.getName());

    final LibraryStore store;
    final Database db;
    final eu.somep.library.internal.LibraryPersonalData personal;
    final FileStore files;
    final DatabaseFileStore databaseFiles;
    final AccessControl access;
    final UserDirectory directory;
    final UserContext user;
    final Messages messages;
    final CourseTracker courses;
    final Path temp;
    final Indexer index;
    private final EventBus events;
    private final ScheduledExecutorService timer;
    private volatile boolean failing;
    private volatile LibraryConfig config;

    @Activate
    public LibraryService(@Reference Database db, @Reference AccessControl access, @Reference UserDirectory directory, @Reference UserContext user,
                          @Reference Messages messages, @Reference CourseTracker courses,
                          @Reference(policyOption = ReferencePolicyOption.GREEDY) FileStore files, @Reference EventBus events, BundleContext context,
                          LibraryConfig config) throws IOException {
        this.store = new LibraryStore(db);
        this.personal = new eu.somep.library.internal.LibraryPersonalData(db);
        this.databaseFiles = new DatabaseFileStore(db);
        this.db = db;
        this.files = new ChosenStore(files, databaseFiles, () -> LibraryConfig.DATABASE.equals(this.config.store()));
        this.events = events;
        this.access = access;
        this.directory = directory;
        this.user = user;
        this.messages = messages;
        this.courses = courses;
        Path home = LocalFileStore.dataDir(context).resolve("files").resolve("library");
        this.temp = home.resolve("tmp");
        Files.createDirectories(temp);
        this.config = config;
        this.index = new Indexer(store, home.resolve("index")); // caught up or rebuilt from the database before the first request
        store.onChange(() -> {
            catchUp();
            // the other nodes of a cluster take it into their index at once, not at their next poll
            events.publishToOtherNodes(LibraryCluster.TOPIC, Map.of());
        });
        // another node's changes reach this node's index within POLL_MS even when nobody searches here
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "somep-library-index");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::catchUp, Indexer.POLL_MS, Indexer.POLL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Brings this node's search index up to date with {@code library_change}: after each change made here, every
     * {@link Indexer#POLL_MS} ms, and whenever something tells this node that another one changed documents (cluster
     * mode calls it on a database notification). Cheap when nothing changed: two small queries. Never throws: what
     * fails is kept in the change log and taken in at the next call.
     */
    public void catchUp() {
        try {
            int n = index.sync();
            if (failing) LOG.info("library: the search index follows the database again");
            failing = false;
            if (n > 0) events.publish(TOPIC_INDEXED, Map.of("change", index.position(), "documents", n));
        } catch (RuntimeException e) {
            if (!failing) LOG.log(Level.WARNING, "library: the search index could not take in the latest changes; it retries every " + Indexer.POLL_MS + " ms", e);
            failing = true;
        }
    }

    /** Stops the timer and closes the index, so that a purge can delete its folder. */
    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        store.onChange(() -> { });
        timer.shutdown(); // not shutdownNow: an interrupt inside Lucene's file I/O closes the index's channels
        timer.awaitTermination(30, TimeUnit.SECONDS); // a sync in progress ends before the index closes
        index.close();
        Extractor.stop(); // its threads would keep this bundle's class loader after an uninstall
    }

    /** Changed limits apply at once. */
    @Modified
    void modified(LibraryConfig config) {
        this.config = config;
    }

    long maxBytes() {
        return Math.max(1, config.maxFileMb()) * 1024L * 1024L;
    }

    long quotaBytes() {
        return Math.max(1, config.quotaMb()) * 1024L * 1024L;
    }

    LibraryConfig config() {
        return config;
    }

    // ---- contexts and checks

    long context(Folder f) {
        if (f.activityId == null) return AccessControl.SITE;
        return courses.activity(f.activityId).map(ActivityInstance::context).orElse(AccessControl.SITE);
    }

    boolean signedIn() {
        return user.userId().isPresent();
    }

    long userId() {
        return user.userId().orElseThrow(() -> new Problem(401, "Sign in", messages.get("library.error.signin")));
    }

    boolean canSee(Folder f) {
        if (!access.can(VIEW, context(f))) return false;
        return switch (f.visibility) {
            case Visibility.PUBLIC -> true;
            case Visibility.MEMBERS -> signedIn();
            default -> f.activityId != null && courses.canView(f.activityId);
        };
    }

    boolean canSee(Document d, Folder f) {
        return canSee(f) && canSeeIn(d, f);
    }

    /** The document's own level, for a caller who may see its folder. */
    boolean canSeeIn(Document d, Folder f) {
        return switch (d.visibility) {
            case Visibility.PUBLIC -> true;
            case Visibility.MEMBERS -> signedIn();
            default -> f.activityId != null && courses.canView(f.activityId);
        };
    }

    boolean canManage(Folder f) {
        return access.can(MANAGE, context(f));
    }

    boolean canUpload(Folder f) {
        return signedIn() && access.can(UPLOAD, context(f));
    }

    boolean canEdit(Document d, Folder f) {
        return rights(f).canEdit(d);
    }

    /** What the caller may do in a folder, worked out once for a list of its documents. */
    record Rights(boolean see, boolean upload, boolean manage, Long userId) {
        boolean canEdit(Document d) {
            return manage || (upload && userId != null && userId == d.ownerId);
        }
    }

    Rights rights(Folder f) {
        return new Rights(canSee(f), canUpload(f), canManage(f), user.userId().orElse(null));
    }

    Problem notFound() {
        return Problem.notFound(messages.get("library.error.notfound"));
    }

    /** The folder, for those who may see it. */
    Folder folder(long id) {
        return store.folder(id).filter(this::canSee).orElseThrow(this::notFound);
    }

    /** The document and its folder, for those who may see it. */
    Placed document(long id) {
        Document d = store.document(id).orElseThrow(this::notFound);
        Folder f = store.folder(d.folderId).orElseThrow(this::notFound);
        if (!canSee(d, f)) throw notFound();
        return new Placed(d, f);
    }

    /** A document with its folder. */
    record Placed(Document doc, Folder folder) {
    }

    /** The visibility levels a search may show to the caller outside courses. */
    Set<String> levels() {
        if (!access.can(VIEW, AccessControl.SITE)) return Set.of("none");
        return signedIn() ? Set.of(Visibility.PUBLIC, Visibility.MEMBERS) : Set.of(Visibility.PUBLIC);
    }

    /** The course folders the caller may see. */
    List<Long> courseFolders() {
        if (!signedIn()) return List.of();
        return store.courseFolders().stream().filter(this::canSee).map(f -> f.id).toList();
    }

    private record Facets(long at, java.util.Map<String, List<String>> values) {
    }

    private volatile Facets facets = new Facets(0, null);

    /**
     * The years, languages and countries for the search form's filters: three scans of the document table, so kept
     * for half a minute (a value that is new in that time is missing from the lists, not from the results).
     */
    java.util.Map<String, List<String>> facets() {
        Facets f = facets;
        long now = System.nanoTime();
        if (f.values() == null || now - f.at() > 30_000_000_000L) facets = f = new Facets(now, store.facets());
        return f.values();
    }

    /** A refusal as a localized problem. */
    Problem refusal(Refused r) {
        return new Problem(r.status, messages.get("library.error.title"), messages.get(r.key, r.args));
    }

    /** Deletes stored files whose records are gone or were never written; failures are only logged. */
    void discard(List<String> keys) {
        for (String k : keys) {
            if (k == null || k.isEmpty()) continue;
            try {
                files.delete(k);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not delete library file " + k, e);
            }
        }
    }

    String name(long userId) {
        return directory.byId(userId).map(p -> p.displayName()).orElse(messages.get("library.anonymous"));
    }
}
