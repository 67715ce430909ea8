package eu.somep.core.access;

import java.util.List;
import java.util.Map;

/**
 * A capability as the kernel or a plugin declares it (a plugin in {@code capabilities.json} at its bundle's root):
 * its name ({@code component:verb}), the context level it applies at, risk flags (for example {@code xss},
 * {@code personaldata}, {@code config}), the message key of its label, and the default permission per role
 * archetype (administrator, manager, trainer, trainee, guest, user).
 */
public record CapabilityDef(String name, String context, List<String> risks, String label, Map<String, String> defaults) {
    public CapabilityDef {
        risks = risks == null ? List.of() : List.copyOf(risks);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    public String component() {
        int i = name.indexOf(':');
        return i < 0 ? "" : name.substring(0, i);
    }
}
