package eu.somep.core.plugin.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** One resource of an OSGi repository index: its capabilities and requirements, as the resolver sees them. */
final class IndexResource implements Resource {
    private final List<Capability> capabilities = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();

    void addCapability(String namespace, Map<String, String> directives, Map<String, Object> attributes) {
        capabilities.add(new Cap(namespace, directives, attributes, this));
    }

    void addRequirement(String namespace, Map<String, String> directives, Map<String, Object> attributes) {
        requirements.add(new Req(namespace, directives, attributes, this));
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return capabilities.stream().filter(c -> namespace == null || namespace.equals(c.getNamespace())).toList();
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return requirements.stream().filter(r -> namespace == null || namespace.equals(r.getNamespace())).toList();
    }

    /** The first attribute of the first capability in the namespace, or null. */
    Object attribute(String namespace, String name) {
        for (Capability c : getCapabilities(namespace)) return c.getAttributes().get(name);
        return null;
    }

    @Override
    public String toString() {
        Object id = attribute("osgi.identity", "osgi.identity");
        return id + " " + attribute("osgi.identity", "version");
    }

    /** Identity equality: the resolver keeps resources, capabilities and requirements in hash maps. */
    private abstract static class Part {
        final String namespace;
        final Map<String, String> directives;
        final Map<String, Object> attributes;
        final Resource resource;

        Part(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
            this.namespace = namespace;
            this.directives = Collections.unmodifiableMap(directives);
            this.attributes = Collections.unmodifiableMap(attributes);
            this.resource = resource;
        }

        public String getNamespace() { return namespace; }
        public Map<String, String> getDirectives() { return directives; }
        public Map<String, Object> getAttributes() { return attributes; }
        public Resource getResource() { return resource; }

        @Override
        public String toString() {
            return namespace + attributes + directives;
        }
    }

    static final class Cap extends Part implements Capability {
        Cap(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
            super(namespace, directives, attributes, resource);
        }
    }

    static final class Req extends Part implements Requirement {
        Req(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
            super(namespace, directives, attributes, resource);
        }
    }
}
