package eu.somep.library.internal;

import eu.somep.api.persistence.Database;
import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the files written before the store was switched to the database into it, so that every node reaches them:
 * each file is copied, checked against its recorded SHA-256 (files; previews have none), its key swapped in
 * {@code library_version} only if nobody changed that row meanwhile, then removed from the old store. Safe to run
 * again: it takes what is still outside, and a file this node cannot open (written on another node's disk) is
 * counted as missing and left as it is.
 */
public final class StoreMove {
    private static final Logger LOG = Logger.getLogger(StoreMove.class.getName());
    private static final int BATCH = 100;

    /** What one run did: files and previews moved, their bytes, and those this node could not find or that did not match. */
    public record Report(int moved, long bytes, int missing, int damaged) {
    }

    private StoreMove() {
    }

    public static Report toDatabase(Database db, FileStore old, DatabaseFileStore target) {
        int moved = 0, missing = 0, damaged = 0;
        long bytes = 0, after = 0;
        while (true) {
            long from = after;
            List<?> rows = db.inTransaction(em -> em.createNativeQuery("SELECT id, storage_key, preview_key, sha256, size FROM library_version WHERE id > ? "
                    + "AND (storage_key NOT LIKE 'db-%' OR preview_key NOT LIKE 'db-%') ORDER BY id").setParameter(1, from).setMaxResults(BATCH).getResultList());
            if (rows.isEmpty()) break;
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                long id = ((Number) r[0]).longValue();
                after = id;
                for (int i = 1; i <= 2; i++) {
                    String key = (String) r[i];
                    if (key == null || DatabaseFileStore.owns(key)) continue;
                    switch (move(db, old, target, id, i == 1 ? "storage_key" : "preview_key", key, i == 1 ? (String) r[3] : null)) {
                        case MOVED -> {
                            moved++;
                            bytes += i == 1 ? ((Number) r[4]).longValue() : 0;
                        }
                        case MISSING -> missing++;
                        case DAMAGED -> damaged++;
                        default -> { }
                    }
                }
            }
        }
        return new Report(moved, bytes, missing, damaged);
    }

    private enum Outcome { MOVED, MISSING, DAMAGED, CHANGED }

    private static Outcome move(Database db, FileStore old, DatabaseFileStore target, long versionId, String column, String key, String sha256) {
        String copy;
        try (InputStream raw = old.open(key); DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            copy = target.put(in);
            if (sha256 != null && !sha256.equalsIgnoreCase(HexFormat.of().formatHex(in.getMessageDigest().digest()))) {
                target.delete(copy);
                LOG.warning("library: file " + key + " of version " + versionId + " does not match its recorded SHA-256; it stays where it is");
                return Outcome.DAMAGED;
            }
        } catch (NoSuchFileException e) {
            return Outcome.MISSING;
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.log(Level.WARNING, "library: could not copy file " + key + " of version " + versionId, e);
            return Outcome.MISSING;
        }
        // column is one of two constants, never input
        int swapped = db.inTransaction(em -> em.createNativeQuery("UPDATE library_version SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                .setParameter(1, copy).setParameter(2, versionId).setParameter(3, key).executeUpdate());
        String obsolete = swapped == 1 ? key : copy; // the version was deleted or changed meanwhile: drop the copy
        try {
            (swapped == 1 ? old : target).delete(obsolete);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "library: could not delete " + obsolete + " after moving it", e);
        }
        return swapped == 1 ? Outcome.MOVED : Outcome.CHANGED;
    }
}
