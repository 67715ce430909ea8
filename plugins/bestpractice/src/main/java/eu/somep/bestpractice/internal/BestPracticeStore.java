package eu.somep.bestpractice.internal;

import eu.somep.api.persistence.Database;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every query of the best-practice plugin. */
public final class BestPracticeStore {
    private final Database db;

    public BestPracticeStore(Database db) {
        this.db = db;
    }

    /** Validated filter values; null or blank means "any". {@code sort}: year, country or organisation. */
    public record Filter(String category, String country, String platform, Integer year, Boolean composite, String q, String sort) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    static String like(String s) {
        return "%" + s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The cases with a status that match the filter. The text search is a LIKE on lower-cased text: the same on H2 and PostgreSQL. */
    public List<PracticeCase> find(String status, Filter f) {
        StringBuilder j = new StringBuilder("select c from PracticeCase c where c.status = :status");
        Map<String, Object> p = new HashMap<>();
        p.put("status", status);
        if (f.category() != null) {
            j.append(" and c.category = :category");
            p.put("category", f.category());
        }
        if (f.country() != null) {
            j.append(" and c.country = :country");
            p.put("country", f.country());
        }
        if (f.platform() != null) {
            j.append(" and lower(c.platforms) like :platform escape '\\'");
            p.put("platform", like(f.platform()));
        }
        if (f.year() != null) {
            j.append(" and c.yearFrom <= :year and c.yearTo >= :year");
            p.put("year", f.year());
        }
        if (f.composite() != null) {
            j.append(" and c.composite = :composite");
            p.put("composite", f.composite());
        }
        if (f.q() != null) {
            j.append(" and (lower(c.organisation) like :q escape '\\' or lower(c.summary) like :q escape '\\'"
                    + " or lower(c.outcome) like :q escape '\\' or lower(c.platforms) like :q escape '\\')");
            p.put("q", like(f.q()));
        }
        j.append(switch (f.sort() == null ? "" : f.sort()) {
            case "country" -> " order by c.country, c.yearFrom, c.id";
            case "organisation" -> " order by lower(c.organisation), c.id";
            case "year" -> " order by c.yearFrom, c.yearTo, c.id";
            default -> " order by c.id";
        });
        return db.inTransaction(em -> {
            TypedQuery<PracticeCase> query = em.createQuery(j.toString(), PracticeCase.class);
            p.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public Optional<PracticeCase> find(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(PracticeCase.class, id)));
    }

    /** A new case (published, or proposed for the review queue). */
    public PracticeCase create(PracticeCase c, Long by) {
        return db.inTransaction(em -> {
            c.id = null;
            c.version = 1;
            c.modifiedAt = Instant.now();
            c.modifiedBy = by;
            em.persist(c);
            return c;
        });
    }

    /** Keeps the current version in the history, then applies {@code change} and counts a new version. */
    public Optional<PracticeCase> change(long id, Long by, java.util.function.Consumer<PracticeCase> change) {
        return Optional.ofNullable(db.inTransaction(em -> {
            PracticeCase c = em.find(PracticeCase.class, id);
            if (c == null) return null;
            CaseVersion v = new CaseVersion();
            v.caseId = c.id;
            v.version = c.version;
            v.country = c.country;
            v.organisation = c.organisation;
            v.yearText = c.yearText;
            v.platforms = c.platforms;
            v.category = c.category;
            v.summary = c.summary;
            v.outcome = c.outcome;
            v.sources = c.sources;
            v.composite = c.composite;
            v.status = c.status;
            v.modifiedAt = c.modifiedAt;
            v.modifiedBy = c.modifiedBy;
            em.persist(v);
            change.accept(c);
            c.version++;
            c.modifiedAt = Instant.now();
            c.modifiedBy = by;
            return c;
        }));
    }

    public List<CaseVersion> history(long caseId) {
        return db.inTransaction(em -> em.createQuery("select v from CaseVersion v where v.caseId = :c order by v.version", CaseVersion.class)
                .setParameter("c", caseId).getResultList());
    }

    public void delete(long id) {
        db.run(em -> {
            PracticeCase c = em.find(PracticeCase.class, id);
            if (c != null) em.remove(c);
        });
    }

    // ---- activities

    public CaseActivity saveActivity(Long id, Long activityId, Long caseId, String category) {
        return db.inTransaction(em -> {
            CaseActivity a = id == null ? new CaseActivity() : em.find(CaseActivity.class, id);
            if (id == null) a.activityId = activityId;
            a.caseId = caseId;
            a.category = category;
            if (id == null) em.persist(a);
            return a;
        });
    }

    public Optional<CaseActivity> activity(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(CaseActivity.class, id)));
    }

    public void deleteActivity(long id) {
        db.run(em -> {
            CaseActivity a = em.find(CaseActivity.class, id);
            if (a != null) em.remove(a);
        });
    }
}
