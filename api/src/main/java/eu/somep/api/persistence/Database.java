package eu.somep.api.persistence;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's database: the kernel hands each plugin bundle its own instance, over the entities the bundle
 * lists in its {@code SOMEP-Entities} header and the tables its Flyway migrations
 * ({@code db/migration/<component>/V1__*.sql}) create. Get it with {@code @Reference Database db}.
 */
@ProviderType
public interface Database {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Like {@link #inTransaction(Function)} for work without a result. */
    default void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }
}
