package eu.somep.library.internal;

import eu.somep.api.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every query of the library plugin. */
public final class LibraryStore {
    private final Database db;

    public LibraryStore(Database db) {
        this.db = db;
    }

    // ---- folders

    public List<Folder> roots() {
        return db.inTransaction(em -> em.createQuery("select f from Folder f where f.parentId is null and f.activityId is null order by f.name", Folder.class).getResultList());
    }

    public List<Folder> children(long parentId) {
        return db.inTransaction(em -> em.createQuery("select f from Folder f where f.parentId = :p order by f.name", Folder.class).setParameter("p", parentId).getResultList());
    }

    /** Every folder of a course (library-folder activities and their sub-folders). */
    public List<Folder> courseFolders() {
        return db.inTransaction(em -> em.createQuery("select f from Folder f where f.activityId is not null", Folder.class).getResultList());
    }

    public Optional<Folder> folder(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Folder.class, id)));
    }

    public Map<Long, Folder> folders(Collection<Long> ids) {
        Map<Long, Folder> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        db.run(em -> em.createQuery("select f from Folder f where f.id in :ids", Folder.class).setParameter("ids", ids).getResultList().forEach(f -> out.put(f.id, f)));
        return out;
    }

    public Optional<Folder> folderByName(String name) {
        return db.inTransaction(em -> em.createQuery("select f from Folder f where f.name = :n and f.parentId is null and f.activityId is null", Folder.class)
                .setParameter("n", name).getResultStream().findFirst());
    }

    public Folder saveFolder(Long id, Long parentId, Long activityId, String name, String description, String visibility, long userId) {
        return db.inTransaction(em -> {
            Folder f = id == null ? new Folder() : em.find(Folder.class, id);
            if (id == null) {
                f.parentId = parentId;
                f.activityId = activityId;
                f.createdBy = userId;
                f.createdAt = Instant.now();
            }
            f.name = name;
            f.description = description;
            f.visibility = visibility;
            if (id == null) em.persist(f);
            return f;
        });
    }

    public void setActivity(long folderId, long activityId) {
        db.run(em -> em.find(Folder.class, folderId).activityId = activityId);
    }

    /** Deletes a folder with everything in it; returns the storage keys to delete. */
    public List<String> deleteFolder(long id) {
        return db.inTransaction(em -> {
            List<Long> ids = new ArrayList<>(List.of(id));
            for (int i = 0; i < ids.size(); i++) {
                ids.addAll(em.createQuery("select f.id from Folder f where f.parentId = :p", Long.class).setParameter("p", ids.get(i)).getResultList());
            }
            List<String> keys = new ArrayList<>();
            for (Object[] k : em.createQuery("select v.storageKey, v.previewKey from Version v where v.documentId in (select d.id from Document d where d.folderId in :f)", Object[].class)
                    .setParameter("f", ids).getResultList()) {
                keys.add((String) k[0]);
                if (k[1] != null) keys.add((String) k[1]);
            }
            em.createNativeQuery("delete from library_folder where id = :id").setParameter("id", id).executeUpdate(); // cascades
            return keys;
        });
    }

    public long countIn(long folderId) {
        return db.inTransaction(em -> em.createQuery("select count(d) from Document d where d.folderId = :f", Long.class).setParameter("f", folderId).getSingleResult());
    }

    // ---- documents and versions

    public Optional<Document> document(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Document.class, id)));
    }

    public List<Document> documentsIn(long folderId, int offset, int limit) {
        return db.inTransaction(em -> em.createQuery("select d from Document d where d.folderId = :f order by d.title, d.id", Document.class)
                .setParameter("f", folderId).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public List<Document> documents(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, Document> byId = new HashMap<>();
        db.run(em -> em.createQuery("select d from Document d where d.id in :ids", Document.class).setParameter("ids", ids).getResultList().forEach(d -> byId.put(d.id, d)));
        List<Document> out = new ArrayList<>();
        for (Long id : ids) if (byId.containsKey(id)) out.add(byId.get(id));
        return out;
    }

    public Optional<Version> version(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Version.class, id)));
    }

    public List<Version> versions(long documentId) {
        return db.inTransaction(em -> em.createQuery("select v from Version v where v.documentId = :d order by v.number desc", Version.class)
                .setParameter("d", documentId).getResultList());
    }

    /** Current versions of documents, by document id (for lists). */
    public Map<Long, Version> current(Collection<Document> docs) {
        List<Long> ids = docs.stream().map(d -> d.currentVersion).filter(v -> v != null).toList();
        Map<Long, Version> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        db.run(em -> em.createQuery("select v from Version v where v.id in :ids", Version.class).setParameter("ids", ids).getResultList().forEach(v -> out.put(v.documentId, v)));
        return out;
    }

    /** Creates a document, with its first version when it is a file, and indexes it: all in one transaction. */
    public Document create(Document d, Version first) {
        return db.inTransaction(em -> {
            em.persist(d);
            em.flush();
            if (first != null) {
                first.documentId = d.id;
                first.number = 1;
                em.persist(first);
                em.flush();
                d.currentVersion = first.id;
            }
            index(em, d, first);
            return d;
        });
    }

    /** Adds a version and makes it current. */
    public Version addVersion(long documentId, Version v) {
        return db.inTransaction(em -> {
            Document d = em.find(Document.class, documentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Integer max = em.createQuery("select max(v.number) from Version v where v.documentId = :d", Integer.class).setParameter("d", documentId).getSingleResult();
            v.documentId = documentId;
            v.number = max == null ? 1 : max + 1;
            em.persist(v);
            em.flush();
            d.currentVersion = v.id;
            d.updatedAt = Instant.now();
            index(em, d, v);
            return v;
        });
    }

    /** Makes an earlier version current again (the history stays as it is). */
    public void restore(long documentId, long versionId) {
        db.run(em -> {
            Document d = em.find(Document.class, documentId);
            Version v = em.find(Version.class, versionId);
            d.currentVersion = v.id;
            d.updatedAt = Instant.now();
            index(em, d, v);
        });
    }

    /** Saves changed metadata (the entity as edited) and re-indexes it. */
    public void update(Document changed) {
        db.run(em -> {
            Document d = em.merge(changed);
            d.updatedAt = Instant.now();
            index(em, d, d.currentVersion == null ? null : em.find(Version.class, d.currentVersion));
        });
    }

    /** Deletes a document; returns the storage keys to delete. */
    public List<String> delete(long id) {
        return db.inTransaction(em -> {
            List<String> keys = new ArrayList<>();
            for (Version v : em.createQuery("select v from Version v where v.documentId = :d", Version.class).setParameter("d", id).getResultList()) {
                keys.add(v.storageKey);
                if (v.previewKey != null) keys.add(v.previewKey);
            }
            em.createNativeQuery("delete from library_document where id = :id").setParameter("id", id).executeUpdate();
            return keys;
        });
    }

    /** Bytes a user uploaded (every version counts against the quota). */
    public long usage(long userId) {
        Long n = db.inTransaction(em -> em.createQuery("select sum(v.size) from Version v where v.uploadedBy = :u", Long.class).setParameter("u", userId).getSingleResult());
        return n == null ? 0 : n;
    }

    public void viewed(long id) {
        db.run(em -> em.createNativeQuery("update library_document set views = views + 1 where id = :id").setParameter("id", id).executeUpdate());
    }

    public void downloaded(long id) {
        db.run(em -> em.createNativeQuery("update library_document set downloads = downloads + 1 where id = :id").setParameter("id", id).executeUpdate());
    }

    // ---- the word index

    static String indexText(Document d, Version v) {
        return String.join(" ", d.title, d.authors, d.description, d.tags, d.source, d.country, v == null ? "" : v.filename, v == null ? "" : v.text);
    }

    private static void index(EntityManager em, Document d, Version v) {
        em.createNativeQuery("delete from library_term where document_id = :d").setParameter("d", d.id).executeUpdate();
        List<String> terms = new ArrayList<>(Terms.of(indexText(d, v)));
        for (int i = 0; i < terms.size(); i += 500) {
            List<String> chunk = terms.subList(i, Math.min(terms.size(), i + 500));
            StringBuilder sql = new StringBuilder("insert into library_term (document_id, term) values ");
            for (int j = 0; j < chunk.size(); j++) sql.append(j == 0 ? "" : ",").append("(:d, :t").append(j).append(')');
            jakarta.persistence.Query q = em.createNativeQuery(sql.toString()).setParameter("d", d.id);
            for (int j = 0; j < chunk.size(); j++) q.setParameter("t" + j, chunk.get(j));
            q.executeUpdate();
        }
    }

    /** What a search asks for; null filters are not applied. */
    public record Criteria(List<String> terms, String type, Integer year, String language, String country) {
    }

    /** A page of matching document ids, newest first, and how many matched in all. */
    public record Found(List<Long> ids, long total) {
    }

    /**
     * Searches the documents the caller may see: those whose folder and document both allow {@code levels}
     * (public; or public and members), and every document in {@code courseFolders} (folders of courses the caller
     * takes part in).
     */
    public Found search(Criteria q, Set<String> levels, Collection<Long> courseFolders, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" from library_document d join library_folder f on f.id = d.folder_id where (");
        where.append("(f.visibility in (:levels) and d.visibility in (:levels))");
        params.put("levels", levels);
        if (!courseFolders.isEmpty()) {
            where.append(" or f.id in (:cf)");
            params.put("cf", courseFolders);
        }
        where.append(')');
        if (!q.terms().isEmpty()) {
            where.append(" and d.id in (select t.document_id from library_term t where t.term in (:terms) group by t.document_id having count(*) = :n)");
            params.put("terms", q.terms());
            params.put("n", q.terms().size());
        }
        if (q.type() != null) { where.append(" and d.doc_type = :type"); params.put("type", q.type()); }
        if (q.year() != null) { where.append(" and d.pub_year = :year"); params.put("year", q.year()); }
        if (q.language() != null) { where.append(" and d.language = :lang"); params.put("lang", q.language()); }
        if (q.country() != null) { where.append(" and d.country = :country"); params.put("country", q.country()); }
        return db.inTransaction(em -> {
            jakarta.persistence.Query count = em.createNativeQuery("select count(*)" + where);
            jakarta.persistence.Query page = em.createNativeQuery("select d.id" + where + " order by d.updated_at desc, d.id desc");
            params.forEach((k, v) -> { count.setParameter(k, v); page.setParameter(k, v); });
            long total = ((Number) count.getSingleResult()).longValue();
            List<Long> ids = new ArrayList<>();
            for (Object o : page.setFirstResult(offset).setMaxResults(limit).getResultList()) ids.add(((Number) o).longValue());
            return new Found(ids, total);
        });
    }

    /** The years, languages and countries present, for the search form's filters. */
    public Map<String, List<String>> facets() {
        return db.inTransaction(em -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            out.put("years", em.createQuery("select distinct d.year from Document d where d.year is not null order by d.year desc", Integer.class)
                    .setMaxResults(100).getResultList().stream().map(String::valueOf).toList());
            out.put("languages", em.createQuery("select distinct d.language from Document d where d.language <> '' order by d.language", String.class).setMaxResults(100).getResultList());
            out.put("countries", em.createQuery("select distinct d.country from Document d where d.country <> '' order by d.country", String.class).setMaxResults(300).getResultList());
            return out;
        });
    }

    // ---- settings

    public Optional<String> setting(String name) {
        return db.inTransaction(em -> em.createNativeQuery("select val from library_setting where name = :n").setParameter("n", name).getResultStream()
                .findFirst().map(Object::toString));
    }

    public void setSetting(String name, String value) {
        db.run(em -> {
            em.createNativeQuery("delete from library_setting where name = :n").setParameter("n", name).executeUpdate();
            em.createNativeQuery("insert into library_setting (name, val) values (:n, :v)").setParameter("n", name).setParameter("v", value).executeUpdate();
        });
    }
}
