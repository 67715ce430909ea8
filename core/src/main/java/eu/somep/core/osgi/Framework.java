package eu.somep.core.osgi;

import eu.somep.core.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/** The embedded Felix framework with SCR, ConfigAdmin and Metatype; FileInstall is started last, by the kernel. */
public final class Framework {
    /** Infrastructure bundles, each found by one of its classes on the kernel's class path. */
    private static final List<String> INFRASTRUCTURE = List.of(
            "org/apache/felix/scr/impl/Activator.class",
            "org/apache/felix/cm/impl/ConfigurationAdminStarter.class",
            "org/apache/felix/metatype/internal/Activator.class");
    private static final String FILEINSTALL = "org/apache/felix/fileinstall/internal/FileInstall.class";

    private final org.osgi.framework.launch.Framework felix;
    private Bundle fileInstall;

    public Framework(Settings settings) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, settings.dataDir().resolve("felix-cache").toString());
        // The database, not Felix's cache, says which plugins exist: start from a clean cache every time.
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // plugins that keep files (data/files/<component>/, deleted on purge) find the data folder here
        cfg.put("somep.data", settings.dataDir().toAbsolutePath().toString());
        cfg.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostExports.compute());
        // Hibernate's lazy proxies are generated inside the plugin's class loader and must see these.
        cfg.put(Constants.FRAMEWORK_BOOTDELEGATION, "org.hibernate.*,net.bytebuddy.*");
        cfg.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_APP);
        cfg.put("felix.fileinstall.dir", settings.deployDir().toString());
        cfg.put("felix.fileinstall.poll", String.valueOf(settings.getInt(Settings.DEPLOY_POLL, 100)));
        cfg.put("felix.fileinstall.noInitialDelay", "true");
        cfg.put("felix.fileinstall.filter", ".*\\.jar");
        // FileInstall only reports jars to the kernel (see DeployFolder); should it ever install one itself, it must not start it.
        cfg.put("felix.fileinstall.bundles.new.start", "false");
        cfg.put("felix.fileinstall.log.level", "1");
        cfg.put("ds.loglevel", "warn");
        cfg.put("felix.log.level", "1");
        felix = new FrameworkFactory().newFramework(cfg);
    }

    public void start() throws BundleException {
        felix.init();
        BundleContext ctx = felix.getBundleContext();
        List<Bundle> infra = new ArrayList<>();
        for (String marker : INFRASTRUCTURE) infra.add(install(ctx, marker));
        fileInstall = install(ctx, FILEINSTALL);
        felix.start();
        for (Bundle b : infra) b.start();
    }

    private static Bundle install(BundleContext ctx, String marker) throws BundleException {
        Path jar = HostExports.jarOf(marker);
        if (jar == null) throw new IllegalStateException("Infrastructure bundle missing from the class path: " + marker);
        return ctx.installBundle(jar.toUri().toString());
    }

    /** Starts watching the deploy folder, handing every jar that appears, changes or goes to the kernel. */
    public void startDeployWatcher(DeployFolder.Handler handler) throws BundleException {
        try {
            DeployFolder.register(felix.getBundleContext(), fileInstall, handler);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("FileInstall has no ArtifactInstaller interface", e);
        }
        fileInstall.start();
    }

    public BundleContext context() {
        return felix.getBundleContext();
    }

    public void stop() {
        try {
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
