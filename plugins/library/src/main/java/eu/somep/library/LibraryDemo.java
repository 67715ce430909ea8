package eu.somep.library;

import eu.somep.library.internal.Document;
import eu.somep.library.internal.FileTypes;
import eu.somep.library.internal.Folder;
import eu.somep.library.internal.Ingest;
import eu.somep.library.internal.Version;
import eu.somep.library.internal.Visibility;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public collection the project ships, written once on the first start: short guides to the nine COMPOSITE
 * categories (written by the project), links to published reports, and an empty members' folder.
 */
@Component(immediate = true)
public class LibraryDemo {
    private static final Logger LOG = Logger.getLogger(LibraryDemo.class.getName());
    static final String FLAG = "demo.written";
    static final List<String> CATEGORIES = List.of("criminal-information", "having-a-voice", "push-information", "wisdom-of-the-crowd", "interaction",
            "community-policing", "human-side", "it-infrastructure", "efficient-policing");

    /** A link: title, authors, year, type, country, address, description. */
    record Link(String title, String authors, Integer year, String type, String country, String url, String description) {
    }

    static final List<Link> LINKS = List.of(
            new Link("Best Practice in Police Social Media Adaptation", "Sebastian Denef, Nico Kaptein, Petra Saskia Bayerl, Leonardo Ramirez", 2012, "report", "EU",
                    "https://cordis.europa.eu/search?q=COMPOSITE%20police%20social%20media",
                    "The COMPOSITE project's report that sorts police uses of social media into nine categories; a modular toolset rather than a step-by-step guide. The address searches the EU's research results for it."),
            new Link("CEPOL - European Union Agency for Law Enforcement Training", "CEPOL", null, "training", "EU", "https://www.cepol.europa.eu/",
                    "Courses, webinars and e-learning for law enforcement officers, including social media, open-source intelligence and cyber-investigations."),
            new Link("CEPOL LEEd - e-learning for law enforcement", "CEPOL", null, "training", "EU", "https://leed.cepol.europa.eu/",
                    "CEPOL's online learning platform (sign-in for law enforcement officers)."));

    @Activate
    public LibraryDemo(@Reference LibraryService s) {
        if (s.store.setting(FLAG).isPresent()) return;
        try {
            write(s);
            s.store.setSetting(FLAG, Instant.now().toString());
        } catch (Exception e) { // the library works without its demo content
            LOG.log(Level.WARNING, "could not write the library's demo content", e);
        }
    }

    static void write(LibraryService s) throws Exception {
        long admin = s.directory.byUsername("admin").map(p -> p.id()).orElse(0L);
        Folder guides = s.store.saveFolder(null, null, null, "COMPOSITE guides", "Short guides to the nine categories of police social media use, written for SOMEP.",
                Visibility.PUBLIC, admin);
        for (String key : CATEGORIES) {
            Version v;
            try (InputStream in = LibraryDemo.class.getResourceAsStream("/demo/" + key + ".txt")) {
                v = Ingest.run(key + ".txt", in, new Ingest.Limits(1 << 20, Long.MAX_VALUE, 1, 1), s.temp, s.files, admin, FileTypes.TEXT);
            }
            Document d = base(guides, admin);
            d.title = v.text.lines().findFirst().orElse(key).strip();
            d.authors = "SOMEP";
            d.type = "guideline";
            d.tags = "COMPOSITE, short guide, " + key;
            d.description = v.text.lines().skip(2).findFirst().orElse("");
            d.title = d.title.replace(" - a short guide", "");
            if (d.description.length() > 400) d.description = d.description.substring(0, d.description.lastIndexOf(' ', 400)) + " …";
            s.store.create(d, v);
        }
        Folder reports = s.store.saveFolder(null, null, null, "Reports and training material", "Published reports and training offers on social media and policing.",
                Visibility.PUBLIC, admin);
        for (Link l : LINKS) {
            Document d = base(reports, admin);
            d.url = l.url();
            d.title = l.title();
            d.authors = l.authors();
            d.year = l.year();
            d.type = l.type();
            d.country = l.country();
            d.description = l.description();
            s.store.create(d, null);
        }
        s.store.saveFolder(null, null, null, "Members' library", "Material for signed-in members only.", Visibility.MEMBERS, admin);
    }

    private static Document base(Folder f, long owner) {
        Document d = new Document();
        d.folderId = f.id;
        d.ownerId = owner;
        d.authors = "";
        d.year = 2026;
        d.language = "en";
        d.country = "";
        d.description = "";
        d.tags = "";
        d.source = "SOMEP";
        d.visibility = Visibility.PUBLIC;
        d.createdAt = d.updatedAt = Instant.now();
        return d;
    }
}
