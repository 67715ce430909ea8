package eu.somep.core.security;

/** An account. Until roles arrive (identity issue) a user is either a site administrator or not. */
public record User(long id, String username, String displayName, boolean siteAdmin, boolean suspended) {
}
