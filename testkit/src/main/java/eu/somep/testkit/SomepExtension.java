package eu.somep.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 side of {@link SomepTest}: one kernel per test class, kept in the class's store and closed with it. */
public final class SomepExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SomepExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        somep(context);
    }

    private static TestSomep somep(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() || classContext.getTestClass().map(c -> c != testClass).orElse(true)) {
            Optional<ExtensionContext> parent = classContext.getParent();
            if (parent.isEmpty()) break;
            classContext = parent.get();
        }
        return classContext.getStore(NS).getOrComputeIfAbsent("somep", k -> new Running(start(testClass)), Running.class).somep;
    }

    private static TestSomep start(Class<?> testClass) {
        SomepTest cfg = testClass.getAnnotation(SomepTest.class);
        try {
            TestSomep.Builder b = TestSomep.builder();
            if (cfg != null && cfg.plugins().length > 0) b.plugins(cfg.plugins());
            if (cfg != null && cfg.database() == SomepTest.Database.POSTGRES) b.database(TestDatabases.postgres());
            if (cfg != null) {
                for (String s : cfg.settings()) {
                    int eq = s.indexOf('=');
                    b.set(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
                }
            }
            return b.start();
        } catch (Exception e) {
            throw new IllegalStateException("SOMEP did not start for " + testClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the kernel and removes its home when JUnit discards the class's store. */
    private record Running(TestSomep somep) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            somep.close();
            somep.deleteHome();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == TestSomep.class || t == Data.class || t == Client.class || t == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        TestSomep somep = somep(e);
        Class<?> t = p.getParameter().getType();
        Role role = p.findAnnotation(As.class).map(As::value).orElse(Role.GUEST);
        try {
            if (t == TestSomep.class) return somep;
            if (t == Data.class) return somep.data();
            if (t == Client.class) return somep.as(role);
            return somep.browser(role);
        } catch (Exception ex) {
            throw new ParameterResolutionException("Cannot make a " + t.getSimpleName() + " as " + role + ": " + ex.getMessage(), ex);
        }
    }
}
