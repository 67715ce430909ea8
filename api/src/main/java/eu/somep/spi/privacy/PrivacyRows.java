package eu.somep.spi.privacy;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Native queries for {@link PrivacyProvider}s: a person's rows as column → value maps (named after the SELECT list), and updates. */
public final class PrivacyRows {
    private PrivacyRows() {
    }

    /** {@code sql} is {@code SELECT a, t.b, ... FROM ...} with one parameter, the person's id. */
    public static List<Map<String, Object>> rows(EntityManager em, String sql, long userId) {
        String[] columns = sql.substring("SELECT ".length(), sql.indexOf(" FROM ")).split(",\\s*");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : em.createNativeQuery(sql).setParameter(1, userId).getResultList()) {
            Object[] row = r instanceof Object[] a ? a : new Object[] {r};
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                String name = columns[i].substring(columns[i].indexOf('.') + 1);
                Object v = row[i];
                m.put(name, v instanceof Timestamp t ? t.toInstant().toString() : v instanceof Temporal ? v.toString() : v);
            }
            out.add(m);
        }
        return out;
    }

    public static int update(EntityManager em, String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) q.setParameter(i + 1, args[i]);
        return q.executeUpdate();
    }
}
