package eu.somep.testkit;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One kernel for a whole test class, started before its first test and removed after its last:
 * {@code @RegisterExtension static final SharedSomep SITE = new SharedSomep(s -> somep = s);}
 */
public final class SharedSomep implements BeforeAllCallback, AfterAllCallback {
    private final Consumer<TestSomep> started;
    private TestSomep somep;

    public SharedSomep(Consumer<TestSomep> started) {
        this.started = started;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        somep = TestSomep.builder().start();
        started.accept(somep);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (somep != null) {
            somep.close();
            somep.deleteHome();
        }
    }
}
