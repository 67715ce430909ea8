package eu.somep.core.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Single-use, expiring secrets sent by e-mail (confirmation and password-reset links). Only their SHA-256 hash is
 * stored, so a copy of the database opens no account; using one is a single conditional UPDATE, so two
 * concurrent uses cannot both succeed.
 */
public final class Secrets {
    public static final String CONFIRM = "confirm";
    public static final String RESET = "reset";
    private final DataSource ds;

    public Secrets(DataSource ds) {
        this.ds = ds;
    }

    public String issue(long userId, String purpose, Duration life) {
        String secret = Users.randomToken();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_user_secret (secret_hash, user_id, purpose, expires_at) VALUES (?,?,?,?)")) {
            ps.setString(1, Users.sha256(secret));
            ps.setLong(2, userId);
            ps.setString(3, purpose);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(life)));
            ps.executeUpdate();
            return secret;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the secret: " + e.getMessage(), e);
        }
    }

    /** The user a valid (unused, unexpired) secret belongs to, without using it: for the page that asks to confirm. */
    public Optional<Long> peek(String secret, String purpose) {
        if (secret == null || !secret.matches("[0-9a-f]{64}")) return Optional.empty();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT user_id FROM kernel_user_secret WHERE secret_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")) {
            ps.setString(1, Users.sha256(secret));
            ps.setString(2, purpose);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the secret: " + e.getMessage(), e);
        }
    }

    /** Uses a secret: the user it belongs to, once; empty if unknown, used or expired. */
    public Optional<Long> use(String secret, String purpose) {
        Optional<Long> user = peek(secret, purpose);
        if (user.isEmpty()) return user;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE kernel_user_secret SET used_at = ? WHERE secret_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setTimestamp(1, now);
            ps.setString(2, Users.sha256(secret));
            ps.setString(3, purpose);
            ps.setTimestamp(4, now);
            return ps.executeUpdate() == 1 ? user : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot use the secret: " + e.getMessage(), e);
        }
    }

    /** Whether the user was sent a secret for this purpose in the last {@code within}: limits mail to one address. */
    public boolean recentlyIssued(long userId, String purpose, Duration life, Duration within) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM kernel_user_secret WHERE user_id = ? AND purpose = ? AND expires_at > ?")) {
            ps.setLong(1, userId);
            ps.setString(2, purpose);
            ps.setTimestamp(3, Timestamp.from(Instant.now().plus(life).minus(within)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Voids every unused secret of the user for this purpose (after a password reset, older links stop working). */
    public void voidAll(long userId, String purpose) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE kernel_user_secret SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, userId);
            ps.setString(3, purpose);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
