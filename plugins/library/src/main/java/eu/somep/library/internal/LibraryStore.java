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

/** Every query of the library plugin. */
public final class LibraryStore {
    private final Database db;
    private volatile Runnable onChange = () -> { };

    public LibraryStore(Database db) {
        this.db = db;
    }

    /** Runs after every committed change to documents (the search index follows). */
    public void onChange(Runnable r) {
        this.onChange = r;
    }

    private <T> T changing(T result) {
        onChange.run();
        return result;
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
        return changing(db.inTransaction(em -> {
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
            em.createNativeQuery("insert into library_change (document_id, changed_at) select d.id, :at from library_document d where d.folder_id in (:f)")
                    .setParameter("at", Instant.now()).setParameter("f", ids).executeUpdate();
            em.createNativeQuery("delete from library_folder where id = :id").setParameter("id", id).executeUpdate(); // cascades
            return keys;
        }));
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
        return changing(db.inTransaction(em -> {
            em.persist(d);
            em.flush();
            if (first != null) {
                first.documentId = d.id;
                first.number = 1;
                em.persist(first);
                em.flush();
                d.currentVersion = first.id;
            }
            changed(em, d.id);
            return d;
        }));
    }

    /** Creates several documents, each with its first version, in one transaction: all or none. */
    public List<Document> createAll(List<Document> docs, List<Version> firsts) {
        return changing(db.inTransaction(em -> {
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                em.persist(d);
                em.flush();
                Version first = firsts.get(i);
                first.documentId = d.id;
                first.number = 1;
                em.persist(first);
                em.flush();
                d.currentVersion = first.id;
                changed(em, d.id);
            }
            return docs;
        }));
    }

    /** Adds a version and makes it current. */
    public Version addVersion(long documentId, Version v) {
        return changing(db.inTransaction(em -> {
            Document d = em.find(Document.class, documentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Integer max = em.createQuery("select max(v.number) from Version v where v.documentId = :d", Integer.class).setParameter("d", documentId).getSingleResult();
            v.documentId = documentId;
            v.number = max == null ? 1 : max + 1;
            em.persist(v);
            em.flush();
            d.currentVersion = v.id;
            d.updatedAt = Instant.now();
            changed(em, documentId);
            return v;
        }));
    }

    /** Makes an earlier version current again (the history stays as it is). */
    public void restore(long documentId, long versionId) {
        db.run(em -> {
            Document d = em.find(Document.class, documentId);
            Version v = em.find(Version.class, versionId);
            d.currentVersion = v.id;
            d.updatedAt = Instant.now();
            changed(em, documentId);
        });
        onChange.run();
    }

    /** Saves changed metadata (the entity as edited) and re-indexes it. */
    public void update(Document changed) {
        db.run(em -> {
            Document d = em.merge(changed);
            d.updatedAt = Instant.now();
            changed(em, d.id);
        });
        onChange.run();
    }

    /** Deletes a document; returns the storage keys to delete. */
    public List<String> delete(long id) {
        return changing(db.inTransaction(em -> {
            List<String> keys = new ArrayList<>();
            for (Version v : em.createQuery("select v from Version v where v.documentId = :d", Version.class).setParameter("d", id).getResultList()) {
                keys.add(v.storageKey);
                if (v.previewKey != null) keys.add(v.previewKey);
            }
            changed(em, id);
            em.createNativeQuery("delete from library_document where id = :id").setParameter("id", id).executeUpdate();
            return keys;
        }));
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

    // ---- what the search index reads (see Indexer)

    /** Records that a document was created, changed or deleted, in the transaction that does it. */
    private static void changed(EntityManager em, long documentId) {
        em.createNativeQuery("insert into library_change (document_id, changed_at) values (:d, :at)").setParameter("d", documentId)
                .setParameter("at", Instant.now()).executeUpdate();
    }

    /** The last change recorded (0 when none). */
    public long lastChange() {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("select coalesce(max(id), 0) from library_change").getSingleResult()).longValue());
    }

    /** Changes after {@code after}, oldest first: pairs of change id and document id. */
    public List<long[]> changesAfter(long after, int limit) {
        return db.inTransaction(em -> {
            List<long[]> out = new ArrayList<>();
            for (Object o : em.createNativeQuery("select id, document_id from library_change where id > :a order by id").setParameter("a", after)
                    .setMaxResults(limit).getResultList()) {
                Object[] r = (Object[]) o;
                out.add(new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
            }
            return out;
        });
    }

    /** The changes among these ids that exist now: pairs of change id and document id. */
    public List<long[]> changesIn(Collection<Long> changeIds) {
        List<Long> all = new ArrayList<>(changeIds);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            db.run(em -> {
                for (Object o : em.createNativeQuery("select id, document_id from library_change where id in (:ids)").setParameter("ids", chunk).getResultList()) {
                    Object[] r = (Object[]) o;
                    out.add(new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()});
                }
            });
        }
        return out;
    }

    public List<Long> documentIdsAfter(long after, int limit) {
        return db.inTransaction(em -> em.createQuery("select d.id from Document d where d.id > :a order by d.id", Long.class).setParameter("a", after)
                .setMaxResults(limit).getResultList());
    }

    /** What the index holds of these documents (those that still exist). */
    public List<SearchIndex.Entry> entries(Collection<Long> ids) {
        List<Document> docs = documents(ids);
        Map<Long, Version> current = current(docs);
        Map<Long, Folder> folders = folders(docs.stream().map(d -> d.folderId).collect(java.util.stream.Collectors.toSet()));
        List<SearchIndex.Entry> out = new ArrayList<>();
        for (Document d : docs) {
            Folder f = folders.get(d.folderId);
            if (f == null) continue;
            Version v = current.get(d.id);
            out.add(new SearchIndex.Entry(d.id, f.id, f.visibility, d.visibility, d.type, d.year, d.language, d.country, d.updatedAt.toEpochMilli(), d.title,
                    d.authors, d.tags, d.source, v == null ? null : v.filename, d.description, v == null ? "" : v.text));
        }
        return out;
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
