package eu.somep.core.plugin.catalog;

import java.util.List;

/** What installing a catalog plugin will do: every plugin it brings, dependencies first, the chosen one last. */
public record CatalogPlan(String component, String version, List<Step> install) {
    /** One plugin to install; {@code upgrade} when it replaces an installed older version. */
    public record Step(String component, String name, String version, boolean upgrade) {
    }
}
