package eu.somep.core.settings;

import java.util.List;

/**
 * One setting of a plugin as its Metatype describes it. {@code key} is what forms, the REST API and the CLI use:
 * the attribute id, or {@code pid/id} when two configurations of one plugin share an id.
 */
public record SettingField(String key, String pid, String id, String label, String description, String type,
                           String min, String max, List<Option> options, String defaultValue) {
    public static final String STRING = "string";
    public static final String INTEGER = "integer";
    public static final String LONG = "long";
    public static final String DECIMAL = "decimal";
    public static final String BOOLEAN = "boolean";
    public static final String PASSWORD = "password";

    public record Option(String value, String label) {
    }

    public boolean numeric() {
        return type.equals(INTEGER) || type.equals(LONG) || type.equals(DECIMAL);
    }

    public boolean secret() {
        return type.equals(PASSWORD);
    }

    /** The stored text as JSON shows it: numbers and booleans typed, anything else (or unreadable) as text. */
    public Object typed(String v) {
        if (v == null || v.isEmpty()) return v;
        try {
            return switch (type) {
                case INTEGER, LONG -> Long.parseLong(v.trim());
                case DECIMAL -> new java.math.BigDecimal(v.trim());
                case BOOLEAN -> Boolean.parseBoolean(v.trim());
                default -> v;
            };
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
