package eu.somep.library.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One uploaded file of a document. Versions are never overwritten; restoring one makes it current again. */
@Entity
@Table(name = "library_version")
public class Version {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "document_id", nullable = false)
    public long documentId;
    @Column(nullable = false)
    public int number;
    /** The {@link eu.somep.library.spi.FileStore} key: made by the store, never from a user's file name. */
    @Column(name = "storage_key", nullable = false, length = 64)
    public String storageKey;
    @Column(name = "preview_key", length = 64)
    public String previewKey;
    /** The name shown and offered on download; display text only. */
    @Column(nullable = false)
    public String filename;
    /** The type detected from the content when it was uploaded. */
    @Column(name = "content_type", nullable = false, length = 128)
    public String contentType;
    @Column(nullable = false)
    public long size;
    @Column(nullable = false, length = 64)
    public String sha256;
    /** The extracted text (at most {@link Extractor#MAX_CHARS} characters), for search snippets. */
    @Column(name = "text_content", nullable = false, length = 200000)
    public String text;
    @Column(name = "uploaded_by", nullable = false)
    public long uploadedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
