package eu.somep.pages.internal;

import eu.somep.api.persistence.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries over pages. A page is shown in the reader's language, else in English, else in any language it has.
 * Pages change rarely and are read on every visit of the site home, so reads come from an in-memory snapshot
 * of all pages that every write replaces. (A cluster will need the kernel's cross-node cache invalidation.)
 */
public final class PageStore {
    private final Database db;
    private volatile List<Page> snapshot;

    public PageStore(Database db) {
        this.db = db;
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change (the other nodes of a cluster drop their snapshot). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** Another node of a cluster changed pages. */
    public void changedElsewhere() {
        snapshot = null;
    }

    private List<Page> all() {
        List<Page> s = snapshot;
        if (s == null) {
            s = List.copyOf(db.inTransaction(em -> em.createQuery("select p from Page p order by p.slug, p.lang", Page.class).getResultList()));
            snapshot = s;
        }
        return s;
    }

    public Optional<Page> find(String slug, String lang) {
        List<Page> versions = versions(slug);
        return versions.stream().filter(p -> p.getLang().equals(lang)).findFirst()
                .or(() -> versions.stream().filter(p -> p.getLang().equals("en")).findFirst())
                .or(() -> versions.stream().findFirst());
    }

    public List<Page> versions(String slug) {
        return all().stream().filter(p -> p.getSlug().equals(slug)).toList();
    }

    /** One version per page, in the reader's language where there is one. */
    public List<Page> list(String lang, boolean includeMembers) {
        Map<String, Page> chosen = new LinkedHashMap<>();
        for (Page p : all()) {
            if (!includeMembers && !p.isPublic()) continue;
            Page cur = chosen.get(p.getSlug());
            if (cur == null || p.getLang().equals(lang) || (!cur.getLang().equals(lang) && p.getLang().equals("en"))) chosen.put(p.getSlug(), p);
        }
        return List.copyOf(chosen.values());
    }

    public Page save(PageInput in) {
        try {
            return db.inTransaction(em -> {
                Page p = em.createQuery("select p from Page p where p.slug = :s and p.lang = :l", Page.class)
                        .setParameter("s", in.slug()).setParameter("l", in.language()).getResultStream().findFirst()
                        .orElseGet(() -> new Page(in.slug(), in.language()));
                p.update(in.title().trim(), in.body(), in.visibility());
                if (p.getId() == null) em.persist(p);
                return p;
            });
        } finally {
            snapshot = null;
            onChange.run();
        }
    }

    public int delete(String slug) {
        try {
            return db.inTransaction(em -> em.createQuery("delete from Page p where p.slug = :s").setParameter("s", slug).executeUpdate());
        } finally {
            snapshot = null;
            onChange.run();
        }
    }
}
