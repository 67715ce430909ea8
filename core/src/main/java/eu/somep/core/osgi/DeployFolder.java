package eu.somep.core.osgi;

import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Connects FileInstall's folder watching to the kernel. FileInstall would install and refresh bundles itself,
 * and its refresh stops a plugin the kernel has just started; so the kernel registers an ArtifactInstaller
 * for jars, and FileInstall only reports files that appear, change and disappear. The interface is FileInstall's
 * own (it does not import its API package), hence a proxy made in FileInstall's class loader.
 */
public final class DeployFolder {
    private DeployFolder() {
    }

    public interface Handler {
        void deployed(File jar);

        void changed(File jar);

        void removed(File jar);
    }

    public static ServiceRegistration<?> register(BundleContext ctx, Bundle fileInstall, Handler handler) throws ClassNotFoundException {
        Class<?> installer = fileInstall.loadClass("org.apache.felix.fileinstall.ArtifactInstaller");
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "canHandle" -> ((File) args[0]).getName().endsWith(".jar");
            case "install" -> call(handler::deployed, args);
            case "update" -> call(handler::changed, args);
            case "uninstall" -> call(handler::removed, args);
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "SOMEP deploy folder";
            default -> null;
        };
        Object proxy = Proxy.newProxyInstance(installer.getClassLoader(), new Class<?>[] {installer}, h);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000);
        return ctx.registerService(new String[] {installer.getName(), "org.apache.felix.fileinstall.ArtifactListener"}, proxy, props);
    }

    private static Object call(Consumer<File> c, Object[] args) {
        c.accept((File) args[0]);
        return null;
    }
}
