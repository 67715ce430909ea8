package eu.somep.pages.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One language version of a content page; the versions of a page share its slug. */
@Entity
@Table(name = "pages_page")
public class Page {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String slug;
    @Column(nullable = false, length = 5)
    private String lang;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, length = 100000)
    private String body;
    /** {@code public} (everyone) or {@code members} (signed-in users). */
    @Column(nullable = false, length = 16)
    private String visibility;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Page() {
    }

    public Page(String slug, String lang) {
        this.slug = slug;
        this.lang = lang;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getLang() { return lang; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getVisibility() { return visibility; }
    public Instant getUpdatedAt() { return updatedAt; }

    public boolean isPublic() {
        return "public".equals(visibility);
    }

    /** The body split at blank lines; templates print each paragraph escaped. */
    public java.util.List<String> getParagraphs() {
        java.util.List<String> p = paragraphs;
        if (p == null) {
            p = java.util.Arrays.stream(PARAGRAPH.split(body)).map(String::trim).filter(s -> !s.isEmpty()).toList();
            paragraphs = p; // computed once: the site home shows them on every visit
        }
        return p;
    }

    @jakarta.persistence.Transient
    private java.util.List<String> paragraphs;

    private static final java.util.regex.Pattern PARAGRAPH = java.util.regex.Pattern.compile("\\r?\\n\\s*\\r?\\n");

    public void update(String newTitle, String newBody, String newVisibility) {
        this.title = newTitle;
        this.body = newBody;
        this.visibility = newVisibility;
        this.updatedAt = Instant.now();
        this.paragraphs = null;
    }
}
