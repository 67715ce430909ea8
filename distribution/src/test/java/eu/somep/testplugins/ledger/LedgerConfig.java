package eu.somep.testplugins.ledger;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The ledger's one setting, so tests can change a catalog-installed plugin's settings on its admin page. */
@ObjectClassDefinition(name = "Ledger", description = "Settings of the ledger test plugin")
public @interface LedgerConfig {
    @AttributeDefinition(name = "Heading", description = "The heading GET /ledger/heading answers")
    String heading() default "Evidence ledger";
}
