package eu.somep.core.plugin.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class RepositoryIndexTest {
    @TempDir
    Path dir;

    @Test
    void reads_capabilities_and_requirements_with_typed_attributes() throws Exception {
        Path index = dir.resolve("index.xml");
        Files.writeString(index, """
                <?xml version='1.0' encoding='UTF-8'?>
                <repository xmlns="http://www.osgi.org/xmlns/repository/v1.0.0" name="t" increment="1">
                  <resource>
                    <capability namespace="osgi.identity">
                      <attribute name="osgi.identity" value="eu.somep.plugin.forum"/>
                      <attribute name="version" value="1.2.3.q" type="Version"/>
                    </capability>
                    <capability namespace="somep.plugin">
                      <attribute name="somep.plugin" value="forum"/>
                      <attribute name="api" value="[1.2,2)"/>
                      <attribute name="size" value="42" type="Long"/>
                      <attribute name="tags" value="a\\,b,c" type="List&lt;String&gt;"/>
                    </capability>
                    <requirement namespace="somep.plugin">
                      <directive name="filter" value="(somep.plugin=course)"/>
                    </requirement>
                  </resource>
                </repository>
                """);
        List<IndexResource> all = RepositoryIndex.read(index);
        assertEquals(1, all.size());
        IndexResource r = all.get(0);
        assertEquals("forum", CatalogEntry.component(r));
        assertEquals(new Version(1, 2, 3, "q"), CatalogEntry.version(r));
        assertEquals("[1.2,2)", r.attribute("somep.plugin", "api"));
        assertEquals(42L, r.attribute("somep.plugin", "size"));
        assertEquals(List.of("a,b", "c"), r.attribute("somep.plugin", "tags"));
        assertEquals(List.of("course"), PluginResolver.requiredPlugins(r));
    }

    @Test
    void refuses_a_document_type_declaration() throws Exception {
        Path index = dir.resolve("index.xml");
        Files.writeString(index, "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><repository>&x;</repository>");
        assertThrows(IOException.class, () -> RepositoryIndex.read(index));
    }
}
