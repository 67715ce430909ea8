package eu.somep.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or class) whose capability is checked in the context of the object it acts on (a
 * course, an activity), which only the method knows: it must call
 * {@link eu.somep.api.security.AccessControl#require} (or {@code requireOwnerOr}) before it reads or changes
 * anything. The kernel lets the request through to it; the values name the capabilities it checks, for review and
 * for the route report.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ContextCapability {
    String[] value();
}
