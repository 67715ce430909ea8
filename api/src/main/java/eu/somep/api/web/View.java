package eu.somep.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A page to render: a Freemarker template of the plugin (for example {@code pages/page.ftlh}) and its model.
 * Resource methods return it; the kernel renders it with the plugin's templates, messages and the site layout.
 */
public final class View {
    private final String template;
    private final Map<String, Object> model;
    private final int status;

    private View(String template, Map<String, Object> model, int status) {
        this.template = Objects.requireNonNull(template, "template");
        this.model = model;
        this.status = status;
    }

    public static View of(String template) {
        return new View(template, new LinkedHashMap<>(), 200);
    }

    /** Adds a model entry; the template sees it under {@code name}. */
    public View with(String name, Object value) {
        model.put(name, value);
        return this;
    }

    public View status(int httpStatus) {
        return new View(template, model, httpStatus);
    }

    public String template() { return template; }
    public Map<String, Object> model() { return model; }
    public int status() { return status; }
}
