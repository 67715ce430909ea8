package eu.somep.core.access;

import java.util.List;
import java.util.Map;

/** The kernel's own capabilities. */
public final class KernelCapabilities {
    public static final List<CapabilityDef> ALL = List.of(
            new CapabilityDef("kernel:manageplugins", "site", List.of("config"), "kernel.cap.manageplugins", Map.of("administrator", "allow")),
            new CapabilityDef("kernel:viewaudit", "site", List.of("personaldata"), "kernel.cap.viewaudit", Map.of("administrator", "allow")),
            new CapabilityDef("kernel:backup", "site", List.of("config", "personaldata"), "kernel.cap.backup", Map.of("administrator", "allow")),
            new CapabilityDef("kernel:manageroles", "site", List.of("config", "personaldata"), "kernel.cap.manageroles", Map.of("administrator", "allow")),
            new CapabilityDef("kernel:manageusers", "site", List.of("personaldata"), "kernel.cap.manageusers", Map.of("administrator", "allow", "manager", "allow")),
            new CapabilityDef("kernel:privacy", "site", List.of("personaldata", "dataloss"), "kernel.cap.privacy", Map.of("administrator", "allow")),
            new CapabilityDef("kernel:managethemes", "site", List.of("config"), "kernel.cap.managethemes", Map.of("administrator", "allow")));

    private KernelCapabilities() {
    }
}
