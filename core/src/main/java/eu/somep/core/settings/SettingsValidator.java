package eu.somep.core.settings;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks values typed by an administrator against a plugin's description: type, min/max (a length for text, as
 * Metatype defines it), option lists. All or nothing: with any error nothing is saved.
 */
public final class SettingsValidator {
    /** Longest value the database keeps. */
    static final int MAX_LENGTH = 4000;

    /** What is wrong with one value: a message key of the kernel and its arguments. */
    public record Invalid(String key, Object... args) {
    }

    /** The checked values (normalised: trimmed numbers, {@code true}/{@code false}) or the errors per field. */
    public record Result(Map<String, String> values, Map<String, Invalid> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private SettingsValidator() {
    }

    public static Result check(SettingsDescription description, Map<String, String> input) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Invalid> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : input.entrySet()) {
            SettingField f = description.field(e.getKey());
            if (f == null) {
                errors.put(e.getKey(), new Invalid("kernel.settings.error.unknown", e.getKey()));
                continue;
            }
            String raw = e.getValue() == null ? "" : e.getValue();
            // text and passwords are kept as typed; numbers and booleans may carry stray blanks from a form or a shell
            String v = f.secret() || f.type().equals(SettingField.STRING) ? raw : raw.trim();
            Invalid bad = raw.length() > MAX_LENGTH ? new Invalid("kernel.settings.error.toolong", MAX_LENGTH) : checkOne(f, v);
            if (bad != null) errors.put(f.key(), bad);
            else values.put(f.key(), f.type().equals(SettingField.BOOLEAN) ? bool(v) : v);
        }
        return new Result(values, errors);
    }

    private static Invalid checkOne(SettingField f, String v) {
        if (!f.options().isEmpty() && f.options().stream().noneMatch(o -> o.value().equals(v))) {
            return new Invalid("kernel.settings.error.option", String.join(", ", f.options().stream().map(SettingField.Option::value).toList()));
        }
        switch (f.type()) {
            case SettingField.BOOLEAN:
                return bool(v) == null ? new Invalid("kernel.settings.error.boolean") : null;
            case SettingField.INTEGER:
            case SettingField.LONG:
                try {
                    long n = Long.parseLong(v);
                    if (f.type().equals(SettingField.INTEGER) && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) throw new NumberFormatException();
                    return range(f, new BigDecimal(n));
                } catch (NumberFormatException e) {
                    return new Invalid("kernel.settings.error.integer");
                }
            case SettingField.DECIMAL:
                try {
                    return range(f, new BigDecimal(v));
                } catch (NumberFormatException e) {
                    return new Invalid("kernel.settings.error.decimal");
                }
            default:
                return length(f, v.length());
        }
    }

    private static Invalid range(SettingField f, BigDecimal n) {
        BigDecimal min = number(f.min());
        BigDecimal max = number(f.max());
        if ((min == null || n.compareTo(min) >= 0) && (max == null || n.compareTo(max) <= 0)) return null;
        if (min != null && max != null) return new Invalid("kernel.settings.error.range", f.min(), f.max());
        return min != null ? new Invalid("kernel.settings.error.min", f.min()) : new Invalid("kernel.settings.error.max", f.max());
    }

    private static Invalid length(SettingField f, int length) {
        BigDecimal min = number(f.min());
        BigDecimal max = number(f.max());
        if ((min == null || length >= min.intValue()) && (max == null || length <= max.intValue())) return null;
        if (min != null && max != null) return new Invalid("kernel.settings.error.length", f.min(), f.max());
        return min != null ? new Invalid("kernel.settings.error.minlength", f.min()) : new Invalid("kernel.settings.error.maxlength", f.max());
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null; // a malformed bound in a plugin's description is no bound
        }
    }

    /** {@code true} or {@code false}, from what forms and command lines send; null for anything else. */
    static String bool(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> "true";
            case "false", "off", "no", "0" -> "false";
            default -> null;
        };
    }
}
