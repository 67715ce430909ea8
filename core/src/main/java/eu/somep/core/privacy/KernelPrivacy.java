package eu.somep.core.privacy;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The kernel's own personal data: the account and profile, API tokens, roles, dashboard layout and the audit
 * entries about the person. Erasing removes the tokens, link secrets, roles and layout, and takes the person's name
 * and id out of the audit log (the entries stay, as a record of what happened); the account row itself is deleted by
 * {@link Privacy} once every plugin has erased its part.
 */
public final class KernelPrivacy implements PrivacyProvider {
    /** What the audit log says instead of an erased person's user name. */
    static final String ERASED = "(erased)";
    private final DataSource ds;
    /** A message of the kernel in the request's language. */
    private final java.util.function.UnaryOperator<String> text;

    public KernelPrivacy(DataSource ds, java.util.function.UnaryOperator<String> text) {
        this.ds = ds;
        this.text = text;
    }

    @Override
    public String component() {
        return "kernel";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("account", "tokens", "roles", "dashboard", "audit").stream()
                .map(name -> new StoredData(name, text.apply("kernel.privacy.data." + name))).toList();
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        List<Map<String, Object>> account = Rows.of(ds, "SELECT id, username, display_name, email, country, organisation, lang, timezone, status, "
                + "suspended, site_admin, created_at, created_ip FROM kernel_user WHERE id = ?", userId);
        export.json("account", account.isEmpty() ? Map.of() : account.get(0));
        export.json("tokens", Rows.of(ds, "SELECT label, created_at, expires_at FROM kernel_token WHERE user_id = ? ORDER BY created_at", userId));
        export.json("roles", Rows.of(ds, "SELECT r.shortname AS role, c.level AS context_level, c.instance_id AS context_instance FROM kernel_role_assignment a "
                + "JOIN kernel_role r ON r.id = a.role_id JOIN kernel_context c ON c.id = a.context_id WHERE a.user_id = ? ORDER BY c.id, r.shortname", userId));
        export.json("dashboard", Rows.of(ds, "SELECT place, block_id, position, hidden FROM kernel_block_pref WHERE user_id = ? ORDER BY place, position", userId));
        String username = account.isEmpty() ? null : (String) account.get(0).get("username");
        export.json("audit", Rows.of(ds, "SELECT at, actor, action, target, detail, address FROM kernel_audit WHERE actor_id = ? OR target = ? ORDER BY id",
                userId, username));
    }

    @Override
    public long erase(long userId) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Map<String, Object>> account = Rows.of(ds, "SELECT username FROM kernel_user WHERE id = ?", userId);
                long n = 0;
                n += Rows.update(c, "DELETE FROM kernel_token WHERE user_id = ?", userId);
                n += Rows.update(c, "DELETE FROM kernel_user_secret WHERE user_id = ?", userId);
                n += Rows.update(c, "DELETE FROM kernel_role_assignment WHERE user_id = ?", userId);
                n += Rows.update(c, "DELETE FROM kernel_block_pref WHERE user_id = ?", userId);
                n += Rows.update(c, "UPDATE kernel_audit SET actor_id = NULL, actor = ?, address = NULL WHERE actor_id = ?", ERASED, userId);
                if (!account.isEmpty()) {
                    String username = (String) account.get(0).get("username");
                    n += Rows.update(c, "UPDATE kernel_audit SET actor = ?, address = NULL WHERE actor = ?", ERASED, username);
                    n += Rows.update(c, "UPDATE kernel_audit SET target = ? WHERE target = ?", ERASED, username);
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the account's data: " + e.getMessage(), e);
        }
    }
}
