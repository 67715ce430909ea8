package eu.somep.quiz.internal;

import static eu.somep.spi.privacy.PrivacyRows.rows;
import static eu.somep.spi.privacy.PrivacyRows.update;

import eu.somep.api.persistence.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the quiz keeps about one person (attempts, answers, grades), for the privacy SPI; erasing deletes it all. */
public final class QuizPersonalData {
    private final Database db;

    public QuizPersonalData(Database db) {
        this.db = db;
    }

    public Map<String, List<Map<String, Object>>> export(long userId) {
        return db.inTransaction(em -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            out.put("attempts", rows(em, "SELECT a.id, a.quiz_id, a.number, a.state, a.started_at, a.deadline, a.finished_at, a.grade "
                    + "FROM quiz_attempt a WHERE a.user_id = ? ORDER BY a.id", userId));
            out.put("responses", rows(em, "SELECT r.attempt_id, r.slot, r.question_id, r.response, r.mark, r.fraction, r.feedback "
                    + "FROM quiz_response r JOIN quiz_attempt a ON a.id = r.attempt_id WHERE a.user_id = ? ORDER BY r.attempt_id, r.slot", userId));
            return out;
        });
    }

    public long erase(long userId) {
        return db.inTransaction(em -> (long) update(em, "DELETE FROM quiz_response WHERE attempt_id IN (SELECT id FROM quiz_attempt WHERE user_id = ?)", userId)
                + update(em, "DELETE FROM quiz_attempt WHERE user_id = ?", userId));
    }
}
