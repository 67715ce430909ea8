package eu.somep.core.security;

import eu.somep.core.access.Access;
import java.util.Optional;
import org.apache.shiro.authc.AccountException;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * Shiro's view of SOMEP accounts: authentication against {@code kernel_user} (Argon2id hashes), authorization by
 * the kernel's capability engine ({@link Access}), so that Shiro and the kernel never disagree.
 *
 * <p>An unknown user name is checked against a dummy hash, so that it costs as much time as a wrong password and
 * fails the same way; the state of an account (suspended, unconfirmed, awaiting approval) is told only to someone
 * who knows its password.
 */
final class SomepRealm extends AuthorizingRealm {
    static final String NAME = "somep";
    private final Users users;
    private final Access access;

    SomepRealm(Users users, Access access) {
        this.users = users;
        this.access = access;
        setName(NAME);
        setAuthenticationTokenClass(UsernamePasswordToken.class);
        setCachingEnabled(false); // Users and Access cache, and know when to forget
        setCredentialsMatcher((token, info) -> PasswordHasher.verify(
                new String(((UsernamePasswordToken) token).getPassword()), (String) info.getCredentials()));
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        String username = ((UsernamePasswordToken) token).getUsername();
        Optional<Users.Account> account = username == null ? Optional.empty() : users.account(username.trim());
        if (account.isEmpty()) return new SimpleAuthenticationInfo(Unknown.INSTANCE, Users.dummyHash(), NAME);
        return new SimpleAuthenticationInfo(account.get(), account.get().hash(), NAME);
    }

    @Override
    protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
        super.assertCredentialsMatch(token, info); // a wrong password fails here, before anything else is revealed
        Object principal = info.getPrincipals().getPrimaryPrincipal();
        if (!(principal instanceof Users.Account a)) throw new IncorrectCredentialsException();
        if (a.user().suspended()) throw new DisabledAccountException("suspended");
        switch (a.status()) {
            case Users.UNCONFIRMED -> throw new Unconfirmed();
            case Users.PENDING -> throw new Pending();
            default -> { }
        }
    }

    /** Capabilities are checked by the kernel's engine: {@code "forum:reply"} in the site, {@code "forum:reply@42"} in context 42. */
    @Override
    public boolean isPermitted(PrincipalCollection principals, String permission) {
        User user = principals == null ? null : principals.oneByType(User.class);
        int at = permission.lastIndexOf('@');
        long context = Access.SITE;
        String capability = permission;
        if (at > 0) {
            capability = permission.substring(0, at);
            try {
                context = Long.parseLong(permission.substring(at + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return access.can(user, capability, context);
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        return new SimpleAuthorizationInfo(); // unused: isPermitted asks Access directly
    }

    /** The principal of a user name that does not exist; it never matches. */
    enum Unknown { INSTANCE }

    /** The password was right, but the e-mail address is not confirmed yet. */
    static final class Unconfirmed extends AccountException {
        private static final long serialVersionUID = 1L;
    }

    /** The password was right, but an administrator has not approved the account yet. */
    static final class Pending extends AccountException {
        private static final long serialVersionUID = 1L;
    }

    static AuthenticationException wrong() {
        return new IncorrectCredentialsException();
    }
}
