package eu.somep.glossary.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A term in one language: its name and its definition. One per term and language. */
@Entity
@Table(name = "glossary_translation")
public class Translation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "term_id", nullable = false)
    public Long termId;
    @Column(nullable = false, length = 5)
    public String lang;
    @Column(nullable = false, length = 120)
    public String name;
    @Column(nullable = false, length = 2000)
    public String definition;

    public String getName() { return name; }
    public String getDefinition() { return definition; }
    public String getLang() { return lang; }
}
