package eu.somep.core.web;

import eu.somep.api.web.View;
import eu.somep.core.view.PluginRuntime;
import eu.somep.core.view.ViewRenderer;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes {@link View}s (and views of another component, {@link ForeignView}) as HTML. */
final class ViewWriter implements MessageBodyWriter<Object> {
    private final ViewRenderer renderer;
    private final PluginRuntime runtime;

    ViewWriter(ViewRenderer renderer, PluginRuntime runtime) {
        this.renderer = renderer;
        this.runtime = runtime;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return View.class.isAssignableFrom(type) || ForeignView.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object o, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", "text/html;charset=utf-8");
        PageBuffer page = PageBuffer.borrow();
        try {
            if (o instanceof ForeignView f) renderer.render(f.view(), f.runtime(), page);
            else renderer.render((View) o, runtime, page);
            int length = page.encode();
            headers.putSingle("Content-Length", length);
            page.writeTo(out, length);
        } finally {
            page.release();
        }
    }

    /** A view rendered with another component's templates (the site home comes from a plugin). */
    record ForeignView(View view, PluginRuntime runtime) {
    }
}
