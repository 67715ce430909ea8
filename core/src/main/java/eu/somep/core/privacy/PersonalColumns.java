package eu.somep.core.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Finds the tables that refer to people, by their column names ({@code user_id}, {@code author_id}, {@code created_by},
 * ...), so that the kernel can tell which components store personal data without asking them. A table belongs to
 * the component its name starts with ({@code forum_post} is the forum's).
 */
public final class PersonalColumns {
    /** Column names that hold a user's id, by the naming conventions of SOMEP's migrations. */
    static final Pattern PERSON = Pattern.compile("(.*_)?(user|author|owner|editor|reporter|actor|creator|uploader|grader|proposer)_id|.+_by");

    private final DataSource ds;

    public PersonalColumns(DataSource ds) {
        this.ds = ds;
    }

    /** Table → its person columns, for every table of the current schema (lower case; Flyway's histories left out). */
    public Map<String, List<String>> tables() {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    if (table.endsWith("_schema_history") || !PERSON.matcher(column).matches()) continue;
                    found.computeIfAbsent(table, t -> new TreeSet<>()).add(column);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables: " + e.getMessage(), e);
        }
        Map<String, List<String>> out = new TreeMap<>();
        found.forEach((t, cols) -> out.put(t, List.copyOf(cols)));
        return out;
    }

    /** The person-referencing tables ("table.column, ...") of components that have no privacy provider. */
    public Map<String, List<String>> uncovered(Collection<String> coveredComponents) {
        Map<String, List<String>> out = new TreeMap<>();
        tables().forEach((table, cols) -> {
            int cut = table.indexOf('_');
            String component = cut < 0 ? table : table.substring(0, cut);
            if (!coveredComponents.contains(component)) out.put(table, cols);
        });
        return out;
    }
}
