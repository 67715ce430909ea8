package eu.somep.glossary;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The glossary's settings, described for OSGi Metatype (configuration PID {@code eu.somep.glossary}). */
@ObjectClassDefinition(name = "Glossary", description = "Settings of the glossary of social-media terms")
public @interface GlossaryConfig {
    @AttributeDefinition(name = "Show other languages", description = "Show each term's names in the other languages under its definition")
    boolean otherLanguages() default true;
}
