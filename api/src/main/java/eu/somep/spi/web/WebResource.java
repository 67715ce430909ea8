package eu.somep.spi.web;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a Jakarta REST resource a plugin contributes. Register it as a service
 * ({@code @Component(service = WebResource.class)}) and annotate it with {@code @Path}: the plugin's pages
 * under {@code /<component>/}, its REST API under {@code /api/<component>/}. Each method also carries
 * {@link eu.somep.api.web.RequiresCapability} or {@link eu.somep.api.web.PublicAccess}.
 *
 * <h2>Life-cycle</h2>
 * The route appears when the service is registered and vanishes when it goes (plugin disabled or removed);
 * requests already running finish first.
 */
@ConsumerType
public interface WebResource {
}
