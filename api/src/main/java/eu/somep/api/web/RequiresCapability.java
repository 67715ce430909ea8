package eu.somep.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capability a resource method (or every method of a resource class) needs, such as {@code pages:edit}.
 * The kernel checks it on the server before the method runs: 401 for a guest, 403 for a user without it.
 * A method with neither this nor {@link PublicAccess} is refused: deny by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresCapability {
    String value();
}
