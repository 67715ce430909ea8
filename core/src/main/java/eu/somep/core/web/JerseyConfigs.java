package eu.somep.core.web;

import eu.somep.core.view.PluginRuntime;
import eu.somep.core.view.ViewRenderer;
import java.util.List;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application of one component: its resources plus the kernel's view writer, capability checks and error mapping. */
public final class JerseyConfigs {
    private final ViewRenderer renderer;
    private final Problems problems;

    public JerseyConfigs(ViewRenderer renderer, Problems problems) {
        this.renderer = renderer;
        this.problems = problems;
    }

    ResourceConfig build(String component, List<Object> resources, PluginRuntime runtime, ClassLoader loader) {
        ResourceConfig rc = new ResourceConfig();
        rc.setApplicationName("somep-" + component);
        rc.setClassLoader(loader);
        rc.registerInstances(resources.toArray());
        rc.register(new ViewWriter(renderer, runtime));
        rc.register(new CapabilityFeature(problems));
        rc.register(new ErrorMapper(problems));
        rc.register(ViewStatus.class);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(new JsonMapper());
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_FEATURE_DISABLE, true);
        rc.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        rc.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return rc;
    }
}
