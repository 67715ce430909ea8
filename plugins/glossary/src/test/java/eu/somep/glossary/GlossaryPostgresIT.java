package eu.somep.glossary;

import eu.somep.testkit.SomepTest;

/**
 * {@link GlossaryIT} on PostgreSQL: the migrations and queries run on both databases.
 *
 * <p>The module's own classes are kept off the IT class path (see the failsafe settings in pom.xml): with them on
 * it, two clean-clone CI runs once saw Hibernate map the class path's copy of the entities instead of the bundle's.
 */
@SomepTest(plugins = "glossary", database = SomepTest.Database.POSTGRES)
class GlossaryPostgresIT extends GlossaryIT {
}
