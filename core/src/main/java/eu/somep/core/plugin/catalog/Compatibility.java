package eu.somep.core.plugin.catalog;

import java.util.List;

/** Which installed plugins accept a given kernel API version (from their {@code SOMEP-Api} range). */
public record Compatibility(String api, List<Row> plugins, int incompatible) {
    /** One installed plugin: its range and whether it includes the API version asked about. */
    public record Row(String component, String name, String version, String range, boolean compatible, String reason) {
    }
}
