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
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

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
        // render to a string, then encode it in one go: String.getBytes is intrinsic and fast, while a streaming
        // UTF-8 encoder drops to its slow per-char loop at the first non-ASCII character (the benchmark showed
        // it as the hottest method of a course page)
        StringBuilder html = new StringBuilder(16 * 1024);
        Writer w = new Writer() { // a StringWriter without StringBuffer's locking
            @Override public void write(char[] c, int off, int len) { html.append(c, off, len); }
            @Override public void write(String str) { html.append(str); }
            @Override public void write(String str, int off, int len) { html.append(str, off, off + len); }
            @Override public void write(int c) { html.append((char) c); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        if (o instanceof ForeignView f) renderer.render(f.view(), f.runtime(), w);
        else renderer.render((View) o, runtime, w);
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        headers.putSingle("Content-Length", bytes.length);
        out.write(bytes);
    }

    /** A view rendered with another component's templates (the site home comes from a plugin). */
    record ForeignView(View view, PluginRuntime runtime) {
    }
}
