package eu.somep.pages.internal;

import eu.somep.api.persistence.Database;
import java.util.List;
import java.util.Optional;

/** Queries over pages. A page is shown in the reader's language, else in English, else in any language it has. */
public final class PageStore {
    private final Database db;

    public PageStore(Database db) {
        this.db = db;
    }

    public Optional<Page> find(String slug, String lang) {
        List<Page> versions = versions(slug);
        return versions.stream().filter(p -> p.getLang().equals(lang)).findFirst()
                .or(() -> versions.stream().filter(p -> p.getLang().equals("en")).findFirst())
                .or(() -> versions.stream().findFirst());
    }

    public List<Page> versions(String slug) {
        return db.inTransaction(em -> em.createQuery("select p from Page p where p.slug = :s order by p.lang", Page.class)
                .setParameter("s", slug).getResultList());
    }

    /** One version per page, in the reader's language where there is one. */
    public List<Page> list(String lang, boolean includeMembers) {
        List<Page> all = db.inTransaction(em -> em.createQuery("select p from Page p order by p.slug, p.lang", Page.class).getResultList());
        java.util.Map<String, Page> chosen = new java.util.LinkedHashMap<>();
        for (Page p : all) {
            if (!includeMembers && !p.isPublic()) continue;
            Page cur = chosen.get(p.getSlug());
            if (cur == null || p.getLang().equals(lang) || (!cur.getLang().equals(lang) && p.getLang().equals("en"))) chosen.put(p.getSlug(), p);
        }
        return List.copyOf(chosen.values());
    }

    public Page save(PageInput in) {
        return db.inTransaction(em -> {
            Page p = em.createQuery("select p from Page p where p.slug = :s and p.lang = :l", Page.class)
                    .setParameter("s", in.slug()).setParameter("l", in.language()).getResultStream().findFirst()
                    .orElseGet(() -> {
                        Page fresh = new Page(in.slug(), in.language());
                        return fresh;
                    });
            p.update(in.title().trim(), in.body(), in.visibility());
            if (p.getId() == null) em.persist(p);
            return p;
        });
    }

    public int delete(String slug) {
        return db.inTransaction(em -> em.createQuery("delete from Page p where p.slug = :s").setParameter("s", slug).executeUpdate());
    }
}
