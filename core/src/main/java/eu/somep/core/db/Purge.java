package eu.somep.core.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Removes a plugin's tables: by convention every table of a plugin starts with {@code <component>_}. */
public final class Purge {
    private Purge() {
    }

    public static List<String> tablesOf(DataSource ds, String component) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.toLowerCase(Locale.ROOT).startsWith(component + "_")) tables.add(name);
                }
            }
        }
        return tables;
    }

    public static List<String> dropTables(DataSource ds, String component) throws SQLException {
        List<String> tables = tablesOf(ds, component);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String t : tables) st.execute("DROP TABLE IF EXISTS \"" + t.replace("\"", "") + "\" CASCADE");
        }
        // the settings administrators chose for it are its data too
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement("DELETE FROM kernel_plugin_setting WHERE component = ?")) {
            ps.setString(1, component);
            ps.executeUpdate();
        }
        return tables;
    }
}
