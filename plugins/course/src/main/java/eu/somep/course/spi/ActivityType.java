package eu.somep.course.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of activity that trainers add to course sections, like a Moodle activity module. Register an
 * implementation as an OSGi service; the course plugin lists it while the providing plugin runs. The course
 * plugin owns the activity's name, section, position and visibility; the type owns its data, created in
 * {@link #create} and removed in {@link #delete}.
 */
@ConsumerType
public interface ActivityType {
    /** A field of the settings form, besides the name every activity has. */
    record Setting(String name, String label, boolean multiline, boolean required) {
    }

    /** The type's id, unique on the site: lower-case, such as {@code forum} or {@code quiz}. */
    String type();

    /** The type's name in a language. */
    String name(Locale locale);

    /** One sentence on what the type is for, in a language. */
    String description(Locale locale);

    /** A short symbol (one character or emoji) shown before activities of this type. */
    String icon();

    /** The settings form's extra fields, labelled in a language. */
    List<Setting> settings(Locale locale);

    /**
     * The problems (messages in the locale) with submitted settings; empty when they can be saved. Called before
     * {@link #create} and {@link #update}.
     */
    List<String> validate(Map<String, String> settings, Locale locale);

    /** Creates the activity's data from valid settings; returns the instance id. */
    long create(ActivityInstance activity, Map<String, String> settings);

    /** The current settings of an instance, to fill the edit form. */
    Map<String, String> load(ActivityInstance activity);

    /** Saves changed settings of an instance. */
    void update(ActivityInstance activity, Map<String, String> settings);

    /** Where the activity opens. */
    String link(ActivityInstance activity);

    /** What completion the type reports: {@code viewed}, {@code posted}, {@code passed}. */
    Set<String> completions();

    /** Whether the type reports grades to the course gradebook. */
    boolean graded();

    /** Copies an instance's data for a duplicated activity; returns the new instance id. */
    long duplicate(ActivityInstance source, ActivityInstance copy);

    /** Removes an instance's data (the activity is being deleted). */
    void delete(ActivityInstance activity);

    /**
     * The instance's data for a course archive (any text, JSON recommended), so that another site can take the
     * course; empty when the type keeps nothing worth carrying (the activity is then restored with no data).
     */
    default Optional<String> export(ActivityInstance activity) {
        return Optional.empty();
    }

    /**
     * Creates an instance from data this type exported (possibly on another site, possibly from an older
     * version of the plugin); returns the instance id. Throws {@link IllegalArgumentException} with a message for
     * data it cannot read: the activity is then left out and the import report says why.
     */
    default long restore(ActivityInstance activity, Optional<String> data) {
        throw new IllegalArgumentException("this activity type cannot be imported");
    }
}
