package eu.somep.core.settings;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Config Admin hands a change to DS on its own thread. So that "saved" means "in use", the kernel waits (briefly)
 * until every running component of the plugin that reads the configuration shows the new values in SCR.
 */
final class AppliedCheck {
    private AppliedCheck() {
    }

    /** True once applied, false when the time is up; a plugin that is not running has nothing to apply. */
    static boolean await(BundleContext context, Bundle bundle, String pid, Map<String, Object> props, long timeoutMs) throws InterruptedException {
        if (bundle == null || bundle.getState() != Bundle.ACTIVE) return true;
        var ref = context.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) return true;
        ServiceComponentRuntime scr = context.getService(ref);
        try {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (!applied(scr, bundle, pid, props)) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(5); // SCR offers no event for "configuration applied"; its DTOs are cheap to read
            }
            return true;
        } finally {
            context.ungetService(ref);
        }
    }

    private static boolean applied(ServiceComponentRuntime scr, Bundle bundle, String pid, Map<String, Object> props) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (d.configurationPid == null || !Arrays.asList(d.configurationPid).contains(pid)) continue;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) continue;
                for (Map.Entry<String, Object> e : props.entrySet()) {
                    if (!Objects.equals(String.valueOf(c.properties.get(e.getKey())), String.valueOf(e.getValue()))) return false;
                }
            }
        }
        return true;
    }
}
