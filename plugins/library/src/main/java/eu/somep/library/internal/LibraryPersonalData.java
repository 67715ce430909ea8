package eu.somep.library.internal;

import static eu.somep.spi.privacy.PrivacyRows.rows;
import static eu.somep.spi.privacy.PrivacyRows.update;

import eu.somep.api.persistence.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the library keeps about one person: the documents they own, the file versions they uploaded and the folders
 * they made. These are the academy's shared material, so erasing keeps them and replaces the person's id by
 * {@link #ANONYMOUS} (shown as a former member).
 */
public final class LibraryPersonalData {
    /** The owner and uploader id of an erased person's documents: no account has it. */
    public static final long ANONYMOUS = 0;
    private final Database db;

    public LibraryPersonalData(Database db) {
        this.db = db;
    }

    public Map<String, List<Map<String, Object>>> export(long userId) {
        return db.inTransaction(em -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            out.put("documents", rows(em, "SELECT d.id, d.folder_id, d.title, d.authors, d.description, d.visibility, d.created_at, d.updated_at "
                    + "FROM library_document d WHERE d.owner_id = ? ORDER BY d.id", userId));
            out.put("uploads", rows(em, "SELECT v.id, v.document_id, v.number, v.filename, v.content_type, v.size, v.created_at "
                    + "FROM library_version v WHERE v.uploaded_by = ? ORDER BY v.id", userId));
            out.put("folders", rows(em, "SELECT f.id, f.parent_id, f.name, f.created_at FROM library_folder f WHERE f.created_by = ? ORDER BY f.id", userId));
            return out;
        });
    }

    /** A file version the person uploaded, with where its bytes are kept. */
    public record Upload(long id, String filename, String storageKey) {
    }

    public List<Upload> uploads(long userId) {
        return db.inTransaction(em -> {
            List<Upload> out = new ArrayList<>();
            for (Object r : em.createNativeQuery("SELECT id, filename, storage_key FROM library_version WHERE uploaded_by = ? ORDER BY id")
                    .setParameter(1, userId).getResultList()) {
                Object[] row = (Object[]) r;
                out.add(new Upload(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
            }
            return out;
        });
    }

    public long erase(long userId) {
        return db.inTransaction(em -> (long) update(em, "UPDATE library_document SET owner_id = ? WHERE owner_id = ?", ANONYMOUS, userId)
                + update(em, "UPDATE library_version SET uploaded_by = ? WHERE uploaded_by = ?", ANONYMOUS, userId)
                + update(em, "UPDATE library_folder SET created_by = ? WHERE created_by = ?", ANONYMOUS, userId));
    }
}
