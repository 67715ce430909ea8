package eu.somep.glossary.internal;

import eu.somep.api.persistence.Database;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The glossary's queries; one transaction per call. */
public final class GlossaryStore {
    private final Database db;

    public GlossaryStore(Database db) {
        this.db = db;
    }

    /** A term with its translations by language. */
    public record Entry(long id, Map<String, Translation> translations) {
        /** In the language, else in English. */
        public Translation text(String lang) {
            return translations.getOrDefault(lang, translations.get("en"));
        }
    }

    /** Every term, sorted by its name in the language (English where it has none). */
    public List<Entry> all(String lang) {
        return db.inTransaction(em -> {
            Map<Long, Map<String, Translation>> byTerm = em.createQuery("select t from Translation t order by t.termId, t.lang", Translation.class)
                    .getResultList().stream()
                    .collect(Collectors.groupingBy(t -> t.termId, LinkedHashMap::new, Collectors.toMap(t -> t.lang, t -> t, (a, b) -> a, LinkedHashMap::new)));
            return byTerm.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()))
                    .filter(e -> e.text(lang) != null)
                    .sorted(Comparator.comparing((Entry e) -> e.text(lang).name, String.CASE_INSENSITIVE_ORDER)).toList();
        });
    }

    public Optional<Entry> find(long id) {
        return db.inTransaction(em -> {
            List<Translation> ts = em.createQuery("select t from Translation t where t.termId = :id", Translation.class)
                    .setParameter("id", id).getResultList();
            return ts.isEmpty() ? Optional.<Entry>empty()
                    : Optional.of(new Entry(id, ts.stream().collect(Collectors.toMap(t -> t.lang, t -> t, (a, b) -> a, LinkedHashMap::new))));
        });
    }

    public long add(TermInput in, Long authorId) {
        return db.inTransaction(em -> {
            Term term = new Term();
            term.authorId = authorId;
            term.createdAt = Instant.now();
            em.persist(term);
            em.flush();
            in.given().forEach((lang, text) -> em.persist(translation(term.id, lang, text)));
            return term.id;
        });
    }

    /** Adds or replaces the term's text in one language; false when there is no such term. */
    public boolean translate(long id, String lang, TermInput.Text text) {
        return db.inTransaction(em -> {
            if (em.find(Term.class, id) == null) return false;
            List<Translation> existing = em.createQuery("select t from Translation t where t.termId = :id and t.lang = :l", Translation.class)
                    .setParameter("id", id).setParameter("l", lang).getResultList();
            if (existing.isEmpty()) {
                em.persist(translation(id, lang, text));
            } else {
                existing.get(0).name = text.name();
                existing.get(0).definition = text.definition();
            }
            return true;
        });
    }

    public boolean delete(long id) {
        return db.inTransaction(em -> {
            em.createQuery("delete from Translation t where t.termId = :id").setParameter("id", id).executeUpdate();
            return em.createQuery("delete from Term t where t.id = :id").setParameter("id", id).executeUpdate() > 0;
        });
    }

    public List<Long> byAuthor(long userId) {
        return db.inTransaction(em -> em.createQuery("select t.id from Term t where t.authorId = :u order by t.id", Long.class)
                .setParameter("u", userId).getResultList());
    }

    public long forgetAuthor(long userId) {
        return db.inTransaction(em -> (long) em.createQuery("update Term t set t.authorId = null where t.authorId = :u")
                .setParameter("u", userId).executeUpdate());
    }

    private static Translation translation(long termId, String lang, TermInput.Text text) {
        Translation t = new Translation();
        t.termId = termId;
        t.lang = lang;
        t.name = text.name();
        t.definition = text.definition();
        return t;
    }
}
