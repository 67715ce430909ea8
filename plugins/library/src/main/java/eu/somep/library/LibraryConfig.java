package eu.somep.library;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The library's settings, described for OSGi Metatype (configuration PID {@code eu.somep.library}). */
@ObjectClassDefinition(name = "Library", description = "Settings of the document library")
public @interface LibraryConfig {
    @AttributeDefinition(name = "Largest file (MB)", description = "Files larger than this are refused", min = "1", max = "60")
    int maxFileMb() default 25;

    @AttributeDefinition(name = "Quota per user (MB)", description = "What one user may upload in all, every version counted", min = "1", max = "100000")
    int quotaMb() default 500;
}
