package eu.somep.library.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Keeps the {@link SearchIndex} in step with the database. Every change to a document writes a row to
 * {@code library_change} in the same transaction; the index's commit records the last row it holds. {@link #sync()}
 * applies the rows after that one: after each change on this node, every {@link #POLL_MS} ms from the library's
 * own timer (so another node sharing the database catches up without a search), and before a search whose last look
 * is older than that. The index is rebuilt from the database
 * when it is missing, unreadable, of another layout, built for another database, or ahead of it (a restored backup).
 */
public final class Indexer implements Closeable {
    private static final Logger LOG = Logger.getLogger(Indexer.class.getName());
    static final String DATABASE_SETTING = "index.database";
    /** How old the last look at the change table may be when a search runs. */
    public static final long POLL_MS = 2000;
    static final int BATCH = 100;
    /** Longest query text parsed. */
    static final int MAX_QUERY = 300;

    private final LibraryStore store;
    private final Path folder;
    private final String database;
    private final SearchIndex index;
    private volatile long checkedAt;
    /**
     * Change ids skipped over, with when they were first missed: a transaction that took its id before another but
     * committed after it (or one that rolled back). They are looked for again at every sync for {@link #GAP_MS}.
     */
    private final Map<Long, Long> gaps = new HashMap<>();
    static final long GAP_MS = 60_000;
    static final int MAX_GAP = 10_000;
    /** Changes read again at start, for what was in flight when the node stopped. */
    static final int RECHECK_AT_START = 200;

    public Indexer(LibraryStore store, Path folder) throws IOException {
        this.store = store;
        this.folder = folder;
        Files.createDirectories(folder);
        if (!SearchIndex.readable(folder)) {
            LOG.warning("library: the search index in " + folder + " cannot be read; it is rebuilt from the database");
            deleteTree(folder);
            Files.createDirectories(folder);
        }
        this.database = store.setting(DATABASE_SETTING).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            store.setSetting(DATABASE_SETTING, id);
            return id;
        });
        this.index = new SearchIndex(folder);
        long last = index.state().change(), now = System.currentTimeMillis();
        for (long g = Math.max(1, last - RECHECK_AT_START + 1); g <= last; g++) gaps.put(g, now);
        sync();
    }

    /**
     * Brings the index up to date: the changes since its last commit, or a rebuild when it cannot be trusted. Returns
     * how many documents were re-read or removed (0 when the index was already up to date).
     */
    public synchronized int sync() {
        try {
            checkedAt = System.currentTimeMillis();
            SearchIndex.State st = index.state();
            long last = store.lastChange();
            if (st.change() < 0 || !database.equals(st.database()) || !SearchIndex.LAYOUT_VERSION.equals(st.layout()) || st.change() > last) {
                return rebuild(last);
            }
            int applied = 0;
            long at = st.change(), now = System.currentTimeMillis();
            gaps.values().removeIf(seen -> now - seen > GAP_MS);
            if (!gaps.isEmpty()) {
                List<long[]> late = store.changesIn(gaps.keySet());
                if (!late.isEmpty()) {
                    Set<Long> ids = new LinkedHashSet<>();
                    for (long[] c : late) {
                        ids.add(c[1]);
                        gaps.remove(c[0]);
                    }
                    apply(ids);
                    applied += ids.size();
                    index.commit(at, database);
                }
            }
            while (true) {
                List<long[]> changes = store.changesAfter(at, 1000);
                if (changes.isEmpty()) break;
                Set<Long> ids = new LinkedHashSet<>();
                long prev = at;
                for (long[] c : changes) {
                    ids.add(c[1]);
                    // ids are handed out at insert, so a transaction that commits later leaves a hole: look again
                    if (c[0] - prev < MAX_GAP) for (long g = prev + 1; g < c[0]; g++) gaps.put(g, now);
                    prev = c[0];
                }
                apply(ids);
                applied += ids.size();
                at = prev;
                index.commit(at, database);
            }
            return applied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One look at the change table for all the searches that found the last one too old at the same time. */
    private synchronized void syncIfOld() {
        if (System.currentTimeMillis() - checkedAt > POLL_MS) sync();
    }

    /** Everything from the database; {@code upTo} is the last change already present in what is read. */
    private int rebuild(long upTo) throws IOException {
        long started = System.nanoTime();
        index.clear();
        long after = 0;
        int n = 0;
        while (true) {
            List<Long> ids = store.documentIdsAfter(after, BATCH);
            if (ids.isEmpty()) break;
            for (SearchIndex.Entry e : store.entries(ids)) index.put(e);
            n += ids.size();
            after = ids.get(ids.size() - 1);
        }
        index.commit(upTo, database);
        LOG.info("library: search index rebuilt from the database: " + n + " documents in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return n;
    }

    /** The last change in {@code library_change} that the index holds. */
    public long position() {
        return index.state().change();
    }

    private void apply(Collection<Long> ids) throws IOException {
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += BATCH) {
            List<Long> chunk = list.subList(i, Math.min(list.size(), i + BATCH));
            Set<Long> present = new LinkedHashSet<>();
            for (SearchIndex.Entry e : store.entries(chunk)) {
                index.put(e);
                present.add(e.id());
            }
            for (Long id : chunk) if (!present.contains(id)) index.remove(id);
        }
    }

    /** A search, see {@link SearchIndex#search}; {@code q} is the reader's words (Lucene's syntax, or plain text when that fails). */
    public SearchIndex.Found search(String q, String type, Integer year, String language, String country, Set<String> levels, Collection<Long> courseFolders,
                                    int offset, int limit) {
        if (System.currentTimeMillis() - checkedAt > POLL_MS) syncIfOld();
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) text = text.substring(0, MAX_QUERY);
        try {
            Query parsed = text.isEmpty() ? null : index.parse(text, false);
            try {
                return index.search(new SearchIndex.Criteria(parsed, type, year, language, country), levels, courseFolders, offset, limit);
            } catch (IndexSearcher.TooManyClauses e) { // a wildcard that matches too many words: taken literally
                return index.search(new SearchIndex.Criteria(index.parse(text, true), type, year, language, country), levels, courseFolders, offset, limit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return index.size();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
