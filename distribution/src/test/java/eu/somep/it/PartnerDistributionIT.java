package eu.somep.it;

import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The "minimal" partner distribution: its archive holds pages, course and library only, and that set starts and serves. */
class PartnerDistributionIT {
    private static final Path MINIMAL = Path.of(System.getProperty("somep.dist.minimal.plugins", "target/distributions/minimal/plugins"));

    @Test
    void the_minimal_archive_holds_the_kernel_and_only_its_plugins() throws Exception {
        Path archive;
        try (var s = Files.list(Path.of("target"))) {
            archive = s.filter(p -> p.getFileName().toString().matches("somep-minimal-.*\\.tar\\.gz")).findFirst().orElseThrow();
        }
        List<String> names = tarNames(archive);
        assertTrue(names.contains("somep/bin/somep"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.matches("somep/lib/somep-core-.*\\.jar")), names.toString());
        List<String> plugins = names.stream().filter(n -> n.startsWith("somep/plugins/") && n.endsWith(".jar"))
                .map(n -> n.substring("somep/plugins/".length()).replaceAll("-\\d.*", "")).sorted().toList();
        assertEquals(List.of("course", "library", "pages"), plugins);
    }

    @Test
    void the_minimal_plugin_set_starts_and_serves_the_home_page_and_the_library() throws Exception {
        try (TestSomep somep = TestSomep.builder().shippedFrom(MINIMAL).start()) {
            HttpResponse<String> home = somep.get("/");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Solving Crime Through Social Media"), "the pages plugin's home: " + home.body());
            assertEquals(200, somep.get("/library").statusCode());
            assertEquals(200, somep.get("/pages/about").statusCode());
            assertEquals(404, somep.get("/forum").statusCode(), "no forum in the minimal set");
            String list = somep.send(somep.asAdmin("/api/plugins").GET().build()).body();
            for (String c : List.of("pages", "course", "library")) assertTrue(list.contains("\"component\":\"" + c + "\""), list);
            assertFalse(list.contains("\"component\":\"quiz\""), list);
            assertFalse(list.contains("\"state\":\"failed\""), "every plugin of the set starts: " + list);
        }
    }

    /** The entry names of a .tar.gz (ustar headers: a 512-byte header per entry, then its data in 512-byte blocks). */
    static List<String> tarNames(Path archive) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) break;
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] data = in.readNBytes((int) ((size + 511) / 512 * 512));
                if (type == 'L') { // GNU long name: the next entry's name is this entry's data
                    longName = new String(data, 0, (int) size, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                names.add(longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name);
                longName = null;
            }
        }
        return names;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
