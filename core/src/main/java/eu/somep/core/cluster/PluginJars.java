package eu.somep.core.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * The shared store of plugin jars ({@code kernel_plugin_jar}): the node that installs a plugin puts its jar here,
 * and a node that lacks it (it was installed elsewhere, or while this node was down) takes it from here. A jar is
 * checked against its SHA-256 when it is taken, so a damaged row never becomes a running bundle.
 */
public final class PluginJars {
    private final DataSource ds;

    public PluginJars(DataSource ds) {
        this.ds = ds;
    }

    /** Stores a jar once per component and version; storing it again changes nothing. */
    public void put(String component, String version, Path jar) throws IOException {
        if (has(component, version)) return;
        byte[] bytes = Files.readAllBytes(jar);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kernel_plugin_jar (component, version, sha256, jar, stored_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, component);
            ps.setString(2, version);
            ps.setString(3, sha256(bytes));
            ps.setBytes(4, bytes);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (has(component, version)) return; // another node stored it at the same moment
            throw new IOException("Cannot store the jar of " + component + " " + version + " for the other nodes: " + e.getMessage(), e);
        }
    }

    public boolean has(String component, String version) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM kernel_plugin_jar WHERE component = ? AND version = ?")) {
            ps.setString(1, component);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the plugin jar store: " + e.getMessage(), e);
        }
    }

    /** Writes the stored jar to {@code target}; false when there is none (or it is damaged). */
    public boolean copyTo(String component, String version, Path target) throws IOException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sha256, jar FROM kernel_plugin_jar WHERE component = ? AND version = ?")) {
            ps.setString(1, component);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
                String expected = rs.getString(1);
                byte[] bytes;
                try (InputStream in = rs.getBinaryStream(2)) {
                    bytes = in.readAllBytes();
                }
                if (!expected.equals(sha256(bytes))) throw new IOException("The stored jar of " + component + " " + version + " is damaged (its SHA-256 differs).");
                Path part = target.resolveSibling(target.getFileName() + ".part");
                Files.write(part, bytes);
                Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read the jar of " + component + " " + version + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
