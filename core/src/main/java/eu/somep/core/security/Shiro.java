package eu.somep.core.security;

import eu.somep.core.access.Access;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.mgt.DefaultSessionStorageEvaluator;
import org.apache.shiro.mgt.DefaultSubjectDAO;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;

/**
 * The Apache Shiro security manager over SOMEP's accounts. Shiro authenticates (every sign-in path goes through
 * {@link SignIn}, which asks Shiro) and each signed-in request carries a Shiro {@link Subject} whose
 * {@code isPermitted} is the kernel's capability check.
 *
 * <p>Shiro keeps no sessions: HTTP sessions are Jetty's (id rotated at sign-in, HttpOnly and SameSite cookie, idle
 * and absolute timeouts), and a subject is rebuilt on each request from the session's user id. Shiro's own web
 * sessions would need its servlet filter stack next to Jersey's, for nothing Jetty does not already do.
 */
public final class Shiro {
    private final DefaultSecurityManager manager;

    public Shiro(Users users, Access access) {
        manager = new DefaultSecurityManager(new SomepRealm(users, access));
        DefaultSessionStorageEvaluator noSessions = new DefaultSessionStorageEvaluator();
        noSessions.setSessionStorageEnabled(false);
        ((DefaultSubjectDAO) manager.getSubjectDAO()).setSessionStorageEvaluator(noSessions);
    }

    DefaultSecurityManager manager() {
        return manager;
    }

    /** The subject of a signed-in user for one request: authenticated, without a Shiro session. */
    public Subject subject(User user) {
        SimplePrincipalCollection principals = new SimplePrincipalCollection(user, SomepRealm.NAME);
        return new Subject.Builder(manager).principals(principals).authenticated(true).sessionCreationEnabled(false).buildSubject();
    }
}
