package eu.somep.library;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The library's settings, described for OSGi Metatype (configuration PID {@code eu.somep.library}). */
@ObjectClassDefinition(name = "Library", description = "Settings of the document library")
public @interface LibraryConfig {
    /** {@link #store()}: the files in the shared database. */
    String DATABASE = "database";

    @AttributeDefinition(name = "Largest file (MB)", description = "Files larger than this are refused", min = "1", max = "60")
    int maxFileMb() default 25;

    @AttributeDefinition(name = "Quota per user (MB)", description = "What one user may upload in all, every version counted", min = "1", max = "100000")
    int quotaMb() default 500;

    @AttributeDefinition(name = "File store", description = "Where new uploads are kept: this server's disk (one server, or a volume shared by all servers at the same path), or the database (several servers "
            + "sharing it). Files already stored stay where they are and can still be read.",
            options = {@Option(label = "This server's disk", value = "local"), @Option(label = "The database", value = DATABASE)})
    String store() default "local";
}
