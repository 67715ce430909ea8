package eu.somep.glossary;

import eu.somep.testkit.SomepTest;

/** {@link GlossaryIT} on PostgreSQL: the migrations and queries run on both databases. */
@SomepTest(plugins = "glossary", database = SomepTest.Database.POSTGRES)
class GlossaryPostgresIT extends GlossaryIT {
}
