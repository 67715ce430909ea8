package eu.somep.core.web;

import eu.somep.api.web.View;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Applies {@link View#status(int)}: a resource may return a view with a status other than 200 without wrapping it. */
public final class ViewStatus implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext resp) {
        if (resp.getEntity() instanceof View v && resp.getStatus() == 200 && v.status() != 200) resp.setStatus(v.status());
    }
}
