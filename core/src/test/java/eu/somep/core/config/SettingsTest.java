package eu.somep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void the_environment_overrides_the_file_and_explicit_overrides_win() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/somep.properties"), "somep.port=9000\nsomep.db.url=jdbc:h2:mem:x\n");
        Map<String, String> env = Map.of("SOMEP_DB_URL", "jdbc:postgresql://db/somep");
        Settings s = Settings.load(Map.of(Settings.HOME, home.toString()), env);
        assertEquals(9000, s.port());
        assertEquals("jdbc:postgresql://db/somep", s.dbUrl());
        Settings o = Settings.load(Map.of(Settings.HOME, home.toString(), Settings.PORT, "1234"), Map.of("SOMEP_PORT", "5678"));
        assertEquals(1234, o.port());
    }

    @Test
    void defaults_put_h2_data_and_deploy_under_the_home() {
        Settings s = Settings.load(Map.of(Settings.HOME, home.toString()), Map.of());
        assertEquals(8080, s.port());
        assertEquals(home.resolve("data"), s.dataDir());
        assertEquals(home.resolve("deploy"), s.deployDir());
        assertTrue(s.dbUrl().startsWith("jdbc:h2:retry:" + home.resolve("data")));
        assertTrue(s.dbUrl().contains(";WRITE_DELAY=0"), "a commit is written at once, so a killed process keeps what it acknowledged");
    }

    @Test
    void a_bad_number_names_the_setting_and_its_variable() {
        Settings s = Settings.load(Map.of(Settings.HOME, home.toString()), Map.of("SOMEP_PORT", "eighty"));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::port);
        assertTrue(e.getMessage().contains("SOMEP_PORT") && e.getMessage().contains("eighty"), e.getMessage());
    }
}
