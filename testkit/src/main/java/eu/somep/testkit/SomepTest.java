package eu.somep.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boots one real SOMEP for the test class, with the chosen plugins and database, and stops it after the last
 * test. Test and lifecycle methods may take as parameters: {@link TestSomep} (the running site), {@link Data}
 * (builders), and a {@link Client} or {@link Browser} annotated {@link As} with a role (a fresh account per
 * parameter; without {@code @As}, a guest).
 *
 * <pre>
 * &#64;SomepTest(plugins = {"course", "glossary"}, database = SomepTest.Database.POSTGRES)
 * class GlossaryIT {
 *     &#64;Test
 *     void a_trainer_adds_a_term(&#64;As(Role.TRAINER) Client trainer, &#64;As(Role.GUEST) Browser guest) throws Exception {
 *         assertEquals(201, trainer.post("/api/glossary/entries", "{...}").statusCode());
 *         assertTrue(guest.get("/glossary").body().contains("Doxxing"));
 *     }
 * }
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SomepExtension.class)
public @interface SomepTest {
    /** Component names of the plugins to start; empty: the plugins shipped with the built distribution. */
    String[] plugins() default {};

    Database database() default Database.H2;

    /** Kernel settings as {@code key=value}, e.g. {@code "somep.plugin.start.timeout.ms=5000"}. */
    String[] settings() default {};

    enum Database { H2, POSTGRES }
}
