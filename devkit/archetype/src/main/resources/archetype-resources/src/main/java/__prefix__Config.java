package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The plugin's settings, described for OSGi Metatype (configuration PID {@code ${package}}): the admin form is drawn from this. */
@ObjectClassDefinition(name = "${pluginName}", description = "Settings of ${pluginName}")
public @interface ${prefix}Config {
    @AttributeDefinition(name = "Items per page", description = "How many items the page shows, newest first", min = "1", max = "500")
    int pageSize() default 50;
}
