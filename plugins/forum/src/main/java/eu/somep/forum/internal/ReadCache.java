package eu.somep.forum.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The forum's reads that every visitor shares (forums, discussions, the posts of a discussion), kept in memory
 * until the next write of the plugin. One version number for all of it: writes are rare next to reads, and
 * dropping everything on any write is simple enough to be obviously right. An entry is tagged with the version
 * read before it was loaded, so a load that raced a write is never served after that write. The cache lives in
 * this node's memory (a cluster needs to share the version; see docs/architecture.md).
 */
final class ReadCache {
    private static final int MAX_ENTRIES = 5_000;
    private final AtomicLong version = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    private record Key(String kind, long id) {
    }

    private record Entry(long version, Object value) {
    }

    @SuppressWarnings("unchecked")
    <T> T get(String kind, long id, Supplier<T> load) {
        long v = version.get();
        Key key = new Key(kind, id);
        Entry e = entries.get(key);
        if (e != null && e.version() == v) return (T) e.value();
        T value = load.get();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(v, value));
        return value;
    }

    void changed() {
        version.incrementAndGet();
        entries.clear();
    }
}
