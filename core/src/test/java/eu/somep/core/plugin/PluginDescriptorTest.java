package eu.somep.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class PluginDescriptorTest {
    static PluginDescriptor of(String component, String api, String requires) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.putValue("Manifest-Version", "1.0");
        a.putValue("Bundle-SymbolicName", "eu.somep.plugin." + component + ";singleton:=true");
        if (component != null) a.putValue("SOMEP-Component", component);
        if (api != null) a.putValue("SOMEP-Api", api);
        if (requires != null) a.putValue("SOMEP-Requires", requires);
        return PluginDescriptor.of(mf);
    }

    @Test
    void a_good_manifest_has_no_problem() {
        PluginDescriptor d = of("forum", "[1.0,2)", "pages, library");
        assertNull(d.manifestProblem());
        assertEquals(List.of("pages", "library"), d.requires());
        assertEquals("eu.somep.plugin.forum", d.symbolicName());
    }

    @Test
    void problems_say_what_is_wrong() {
        assertTrue(of(null, "[1.0,2)", null).manifestProblem().contains("no SOMEP-Component"));
        assertTrue(of("Forum!", "[1.0,2)", null).manifestProblem().contains("not valid"));
        assertTrue(of("admin", "[1.0,2)", null).manifestProblem().contains("reserved"));
        assertTrue(of("forum", null, null).manifestProblem().contains("SOMEP-Api"));
        assertTrue(of("forum", "[2.0,3)", null).manifestProblem().contains("needs SOMEP API [2.0,3)"));
    }

    @Test
    void dependencies_come_first() {
        Map<String, PluginDescriptor> plugins = Map.of("quiz", of("quiz", "[1,2)", "forum"), "forum", of("forum", "[1,2)", "pages"),
                "pages", of("pages", "[1,2)", null));
        assertEquals(List.of("pages", "forum", "quiz"), DependencyOrder.sort(plugins));
    }
}
