package eu.somep.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import eu.somep.core.config.Settings;
import eu.somep.core.db.DataSources;
import eu.somep.core.db.Migrations;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java eu.somep.core.cli.PluginCommand list | info NAME | add FILE | remove NAME [--purge] | enable NAME |
 * disable NAME | settings NAME [key=value ...]}: what {@code bin/somep plugin} runs while SOMEP is stopped, on the
 * configured database (the H2 file, or PostgreSQL). Lists print the same JSON as the REST API. Exit code 1 and the
 * reason on standard error when a command is refused, 2 for a wrong command line.
 */
public final class PluginCommand {
    private static final String USAGE = "usage: plugin list | info NAME | add FILE | remove NAME [--purge] | enable NAME | disable NAME | settings NAME [key=value ...]";

    private PluginCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0) fail(2, USAGE);
        Map<String, String> overrides = new HashMap<>();
        for (String key : new String[] {Settings.HOME, Settings.DIST}) {
            String v = System.getProperty(key);
            if (v != null) overrides.put(key, v);
        }
        Settings settings = Settings.load(overrides, System.getenv());
        try (HikariDataSource ds = DataSources.open(settings)) {
            new Migrations(ds).migrateKernel();
            Object out = run(new OfflinePlugins(settings, ds), List.of(args));
            System.out.println(out instanceof String s ? s : new ObjectMapper().writeValueAsString(out));
        } catch (OfflinePlugins.Refusal e) {
            fail(1, e.getMessage());
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage());
        } catch (Exception e) {
            fail(1, "The command failed: " + e.getMessage());
        }
    }

    static Object run(OfflinePlugins plugins, List<String> a) throws Exception {
        String name = a.size() > 1 ? a.get(1) : null;
        return switch (a.get(0)) {
            case "list" -> plugins.list();
            case "info" -> plugins.info(need(name));
            case "add", "install" -> plugins.add(Path.of(need(name)).toAbsolutePath());
            case "remove", "uninstall" -> plugins.remove(need(name), a.contains("--purge"));
            case "enable" -> plugins.enable(need(name), true);
            case "disable" -> plugins.enable(need(name), false);
            case "settings" -> plugins.settings(need(name), pairs(a.subList(2, a.size())));
            default -> throw new IllegalArgumentException(USAGE);
        };
    }

    private static Map<String, String> pairs(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Give settings as key=value, not '" + s + "'.");
            out.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return out;
    }

    private static String need(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException(USAGE);
        return name;
    }

    private static void fail(int code, String message) {
        System.err.println(message);
        System.exit(code);
    }
}
