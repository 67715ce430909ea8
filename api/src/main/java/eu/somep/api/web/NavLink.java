package eu.somep.api.web;

import java.util.Objects;

/**
 * One entry of the site navigation.
 *
 * @param labelKey   message key of the contributing plugin, for example {@code pages.nav.about}
 * @param href       where it leads, for example {@code /pages/about}
 * @param capability shown only to users with this capability; {@code null} for everyone
 * @param order      position, lower first
 */
public record NavLink(String labelKey, String href, String capability, int order) {
    public NavLink {
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(href, "href");
    }
}
