package eu.somep.core.web;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.security.Current;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Deny by default: every resource method gets a filter from its {@link RequiresCapability} or
 * {@link PublicAccess} (on the method, else on its class); a method with neither is closed to everyone.
 */
final class CapabilityFeature implements DynamicFeature {
    private final Problems problems;

    CapabilityFeature(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext ctx) {
        Method m = info.getResourceMethod();
        Class<?> c = info.getResourceClass();
        if (m == null || c == null) return;
        RequiresCapability cap = m.getAnnotation(RequiresCapability.class);
        // a method that checks its capability in an object's context does so itself (AccessControl.require)
        boolean open = m.isAnnotationPresent(PublicAccess.class) || m.isAnnotationPresent(ContextCapability.class);
        if (cap == null && !open) {
            cap = c.getAnnotation(RequiresCapability.class);
            open = cap == null && (c.isAnnotationPresent(PublicAccess.class) || c.isAnnotationPresent(ContextCapability.class));
        }
        ctx.register(new Check(open ? null : cap == null ? "" : cap.value(), problems));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        /** null: public; empty: declared nothing, so closed. */
        private final String capability;
        private final Problems problems;

        Check(String capability, Problems problems) {
            this.capability = capability;
            this.problems = problems;
        }

        @Override
        public void filter(ContainerRequestContext req) {
            if (capability == null) return;
            Current cur = Current.get();
            if (capability.isEmpty()) {
                req.abortWith(problems.response(403, "Forbidden", "This route declares no capability, so it is closed."));
            } else if (cur.can(capability)) {
                return; // guests too, when an administrator gave the guest role the capability
            } else if (cur.user().isEmpty()) {
                req.abortWith(problems.response(401, "Unauthorized", "Sign in first."));
            } else {
                req.abortWith(problems.response(403, "Forbidden", "You do not have the capability " + capability + "."));
            }
        }
    }
}
