package eu.somep.core.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostExportsTest {
    @Test
    void export_headers_keep_package_and_version_and_drop_uses() {
        assertEquals(List.of("jakarta.ws.rs;version=\"3.1.0\"", "jakarta.ws.rs.core;version=\"3.1.0\""),
                HostExports.simplify("jakarta.ws.rs;version=\"3.1.0\";uses:=\"jakarta.ws.rs.core,jakarta.ws.rs.ext\",jakarta.ws.rs.core;uses:=\"a,b\";version=\"3.1.0\""));
    }

    @Test
    void the_system_bundle_exports_the_api_and_jakarta_packages_with_versions() {
        String exports = HostExports.compute();
        assertTrue(exports.contains("jakarta.ws.rs;version=\"3.1.0\""), exports);
        assertTrue(exports.contains("jakarta.persistence;version="), exports);
        assertTrue(exports.contains("org.osgi.service.component;version="), exports);
    }
}
