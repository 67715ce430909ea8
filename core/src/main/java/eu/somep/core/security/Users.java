package eu.somep.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Accounts and API tokens in {@code kernel_user} and {@code kernel_token}. Tokens are stored only as SHA-256 hashes. */
public final class Users {
    private static final Logger LOG = Logger.getLogger(Users.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A hash for unknown user names, so that signing in as nobody costs as much time as a wrong password. */
    private static final class Dummy {
        static final String HASH = PasswordHasher.hash("not a password");
    }
    private final DataSource ds;
    private final ConcurrentHashMap<Long, User> byId = new ConcurrentHashMap<>();

    public Users(DataSource ds) {
        this.ds = ds;
    }

    /** On first start, creates {@code admin} with the given password, or a random one that is printed once. */
    public void bootstrapAdmin(String password) {
        if (count() > 0) return;
        String pw = password;
        if (pw == null || pw.isBlank()) {
            pw = randomToken().substring(0, 16);
            System.out.println("SOMEP: created the administrator account 'admin' with password: " + pw);
            System.out.println("SOMEP: this password is shown only once; set SOMEP_ADMIN_PASSWORD to choose it yourself.");
        }
        create("admin", pw, "Administrator", true);
        LOG.info("Created the first administrator account 'admin'.");
    }

    /**
     * Demo accounts for trying SOMEP out: {@code trainer} and {@code trainee}, made once (plugins with demo content
     * enrol them). Only with {@code SOMEP_DEMO=true}, which the repository's {@code ./somep} sets and {@code bin/somep} does not.
     */
    public void bootstrapDemo(String password) {
        for (String[] u : new String[][] {{"trainer", "Demo Trainer"}, {"trainee", "Demo Trainee"}}) {
            if (byName(u[0]).isPresent()) continue;
            create(u[0], password, u[1], false);
            System.out.println("SOMEP: created the demo account '" + u[0] + "' with password: " + password);
        }
    }

    public User create(String username, String password, String displayName, boolean admin) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_user (username, password_hash, display_name, site_admin, created_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, username);
            ps.setString(2, PasswordHasher.hash(password));
            ps.setString(3, displayName);
            ps.setBoolean(4, admin);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create user " + username + ": " + e.getMessage(), e);
        }
        return byUsername(username).map(Row::user).orElseThrow();
    }

    public static final String ACTIVE = "active";
    public static final String UNCONFIRMED = "unconfirmed";
    public static final String PENDING = "pending";

    /** An account as the sign-in sees it: the user, the password hash and the state of registration. */
    public record Account(User user, String hash, String status) {
    }

    /** The account for a sign-in (checked by Shiro's realm). */
    public Optional<Account> account(String username) {
        return byUsername(username).map(r -> new Account(r.user(), r.hash(), r.status()));
    }

    /** A self-registered account, not yet confirmed. */
    public User register(String username, String password, String displayName, String email, String lang, String address) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_user (username, password_hash, display_name, site_admin, created_at, email, lang, status, created_ip) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, username);
            ps.setString(2, PasswordHasher.hash(password));
            ps.setString(3, displayName);
            ps.setBoolean(4, false);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setString(6, email);
            ps.setString(7, lang);
            ps.setString(8, UNCONFIRMED);
            ps.setString(9, address);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create user " + username + ": " + e.getMessage(), e);
        }
        return byUsername(username).map(Row::user).orElseThrow();
    }

    /** Accounts with this e-mail address (case-insensitive). */
    public java.util.List<User> byEmail(String email) {
        java.util.List<User> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_user WHERE LOWER(email) = LOWER(?)")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getBoolean("site_admin"), rs.getBoolean("suspended")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users: " + e.getMessage(), e);
        }
    }

    /** The state of every account that is not active, by id (for the accounts page). */
    public java.util.Map<Long, String> statuses() {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, status FROM kernel_user WHERE status <> 'active'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list users: " + e.getMessage(), e);
        }
    }

    public String status(User u) {
        return one("SELECT * FROM kernel_user WHERE id = ?", u.id()).map(Row::status).orElse(ACTIVE);
    }

    public void setStatus(User u, String status) {
        execute("UPDATE kernel_user SET status = ? WHERE id = ?", status, u.id());
    }

    /** Accounts by id, in one query (participants lists, authors of posts). */
    public java.util.List<eu.somep.api.security.UserDirectory.Person> people(java.util.Collection<Long> ids) {
        java.util.List<eu.somep.api.security.UserDirectory.Person> out = new java.util.ArrayList<>();
        if (ids.isEmpty()) return out;
        java.util.List<Long> list = java.util.List.copyOf(new java.util.LinkedHashSet<>(ids));
        String marks = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, username, display_name, email FROM kernel_user WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < list.size(); i++) ps.setLong(i + 1, list.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new eu.somep.api.security.UserDirectory.Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users: " + e.getMessage(), e);
        }
    }

    /** Any account by id, whatever its state (for confirmation and reset links). */
    public Optional<User> any(long id) {
        return one("SELECT * FROM kernel_user WHERE id = ?", id).map(Row::user);
    }

    /** A hash no password matches in practice, checked for unknown user names so that they cost the same time. */
    static String dummyHash() {
        return Dummy.HASH;
    }

    /** The first site administrator, for the local CLI token; its old CLI tokens are revoked. */
    public Optional<User> authenticateAdminForCli() {
        Optional<User> admin = one("SELECT * FROM kernel_user WHERE site_admin = TRUE ORDER BY id", null).map(Row::user);
        admin.ifPresent(a -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM kernel_token WHERE user_id = ? AND label = 'cli'")) {
                ps.setLong(1, a.id());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return admin;
    }

    public Optional<User> byName(String username) {
        return byUsername(username).map(Row::user);
    }

    /** A signed-in user by id; a suspended or deleted account is no one (its sessions and tokens stop). */
    public Optional<User> find(long id) {
        User u = byId.get(id);
        if (u != null) return u.suspended() ? Optional.empty() : Optional.of(u);
        Optional<User> loaded = one("SELECT * FROM kernel_user WHERE id = ?", id).map(Row::user);
        loaded.ifPresent(x -> byId.put(id, x));
        return loaded.filter(x -> !x.suspended());
    }

    public Profile profile(User u) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT display_name, email, country, organisation, lang, timezone FROM kernel_user WHERE id = ?")) {
            ps.setLong(1, u.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("No account " + u.username());
                return new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the profile: " + e.getMessage(), e);
        }
    }

    /** Saves a profile that has no {@link Profile#problems()}. */
    public void saveProfile(User u, Profile p) {
        execute("UPDATE kernel_user SET display_name = ?, email = ?, country = ?, organisation = ?, lang = ?, timezone = ? WHERE id = ?",
                p.displayName(), p.email(), p.country(), p.organisation(), p.language(), p.timezone(), u.id());
        languages.remove(u.id());
        onChange.run();
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change of an account made on this node (a cluster tells the other nodes). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** Another node changed accounts: forget what is cached (a suspension applies on the next request here too). */
    public void changedElsewhere() {
        byId.clear();
        languages.clear();
    }

    /** The user's preferred language, or null: read on requests without a language cookie, so it is cached. */
    public String language(User u) {
        return languages.computeIfAbsent(u.id(), id -> java.util.Optional.ofNullable(profile(u).language())).orElse(null);
    }

    private final ConcurrentHashMap<Long, java.util.Optional<String>> languages = new ConcurrentHashMap<>();

    public java.util.List<User> list() {
        java.util.List<User> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM kernel_user ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getBoolean("site_admin"), rs.getBoolean("suspended")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list users: " + e.getMessage(), e);
        }
    }

    public void setPassword(User u, String password) {
        execute("UPDATE kernel_user SET password_hash = ? WHERE id = ?", PasswordHasher.hash(password), u.id());
    }

    public void setSuspended(User u, boolean suspended) {
        execute("UPDATE kernel_user SET suspended = ? WHERE id = ?", suspended, u.id());
    }

    public void delete(User u) {
        execute("DELETE FROM kernel_user WHERE id = ?", u.id());
    }

    private void execute(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change the account: " + e.getMessage(), e);
        } finally {
            byId.clear(); // the next request sees the change
            onChange.run();
        }
    }

    /** The longest lifetime a personal API token can be given, in days (about ten years). */
    public static final int MAX_TOKEN_DAYS = 3650;

    /** A token that never expires (the CLI token, and tokens asked for without a lifetime). */
    public String issueToken(User user, String label) {
        return issueToken(user, label, null);
    }

    /** A new token for the user; {@code expiresAt} null for one that never expires. Returned once: only its hash is stored. */
    public String issueToken(User user, String label, Instant expiresAt) {
        String token = randomToken();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_token (token_hash, user_id, label, created_at, expires_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, sha256(token));
            ps.setLong(2, user.id());
            ps.setString(3, label);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the token: " + e.getMessage(), e);
        }
        return token;
    }

    /** When a token issued now for this many days expires; the days are checked by the caller (1 to {@link #MAX_TOKEN_DAYS}). */
    public static Instant tokenExpiry(int days) {
        if (days < 1 || days > MAX_TOKEN_DAYS) throw new IllegalArgumentException("A token lives 1 to " + MAX_TOKEN_DAYS + " days, not " + days);
        return Instant.now().plus(java.time.Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * A token as its owner sees it: never the token itself, only an id (the start of its hash), label, creation date,
     * when it expires (null: never) and whether it has expired (an expired token is refused, but listed until revoked).
     */
    public record TokenInfo(String id, String label, java.time.Instant created, java.time.Instant expires, boolean expired) {
    }

    public java.util.List<TokenInfo> tokens(User owner) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT token_hash, label, created_at, expires_at FROM kernel_token WHERE user_id = ? ORDER BY created_at DESC")) {
            ps.setLong(1, owner.id());
            java.util.List<TokenInfo> out = new java.util.ArrayList<>();
            Instant now = Instant.now();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp expires = rs.getTimestamp(4);
                    Instant at = expires == null ? null : expires.toInstant();
                    out.add(new TokenInfo(rs.getString(1).substring(0, 16), rs.getString(2), rs.getTimestamp(3).toInstant(), at, expired(at, now)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list tokens: " + e.getMessage(), e);
        }
    }

    /** Revokes one of the owner's tokens by id; false when the owner has no such token (someone else's included). */
    public boolean revokeToken(User owner, String id) {
        if (id == null || !id.matches("[0-9a-f]{16}")) return false;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM kernel_token WHERE user_id = ? AND token_hash LIKE ?")) {
            ps.setLong(1, owner.id());
            ps.setString(2, id + "%");
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke the token: " + e.getMessage(), e);
        }
    }

    /** The owner of a token that exists and has not expired; an expired token is no one, like an invalid one. */
    public Optional<User> byToken(String token) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT user_id, expires_at FROM kernel_token WHERE token_hash = ?")) {
            ps.setString(1, sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Timestamp expires = rs.getTimestamp(2);
                if (expired(expires == null ? null : expires.toInstant(), Instant.now())) return Optional.empty();
                return find(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the token: " + e.getMessage(), e);
        }
    }

    private static boolean expired(Instant expiresAt, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    private int count() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM kernel_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Row> byUsername(String username) {
        return one("SELECT * FROM kernel_user WHERE username = ?", username);
    }

    private Optional<Row> one(String sql, Object arg) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Row(new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("site_admin"), rs.getBoolean("suspended")), rs.getString("password_hash"), rs.getString("status")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users: " + e.getMessage(), e);
        }
    }

    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(User user, String hash, String status) {
    }
}
