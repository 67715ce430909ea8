package eu.somep.bestpractice.internal;

import static eu.somep.spi.privacy.PrivacyRows.rows;
import static eu.somep.spi.privacy.PrivacyRows.update;

import eu.somep.api.persistence.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What best practice keeps about one person: the cases they proposed and the versions they edited. The cases are the
 * academy's content, so erasing keeps them and only removes the person's id (shown as the site's own edit).
 */
public final class BestPracticePersonalData {
    private final Database db;

    public BestPracticePersonalData(Database db) {
        this.db = db;
    }

    public Map<String, List<Map<String, Object>>> export(long userId) {
        return db.inTransaction(em -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            out.put("proposals", rows(em, "SELECT c.id, c.organisation, c.country, c.summary, c.status, c.modified_at FROM bestpractice_case c "
                    + "WHERE c.proposed_by = ? ORDER BY c.id", userId));
            out.put("edits", rows(em, "SELECT v.case_id, v.version, v.status, v.modified_at FROM bestpractice_case_version v "
                    + "WHERE v.modified_by = ? ORDER BY v.id", userId));
            out.put("lastedits", rows(em, "SELECT c.id, c.version, c.status, c.modified_at FROM bestpractice_case c WHERE c.modified_by = ? ORDER BY c.id", userId));
            return out;
        });
    }

    public long erase(long userId) {
        return db.inTransaction(em -> (long) update(em, "UPDATE bestpractice_case SET proposed_by = NULL WHERE proposed_by = ?", userId)
                + update(em, "UPDATE bestpractice_case SET modified_by = NULL WHERE modified_by = ?", userId)
                + update(em, "UPDATE bestpractice_case_version SET modified_by = NULL WHERE modified_by = ?", userId));
    }
}
