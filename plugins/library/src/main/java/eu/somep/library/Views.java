package eu.somep.library;

import eu.somep.library.internal.Snippet;
import java.time.Instant;
import java.util.List;

/** What the library's API returns and its templates show. */
public final class Views {
    private Views() {
    }

    public record FolderView(long id, Long parentId, Long activityId, String name, String description, String visibility, long documents,
                             boolean canUpload, boolean canManage) {
    }

    /** A document or a link. {@code download}, {@code view} and {@code thumbnail} are null when there is none; counters only for managers. */
    public record DocumentView(long id, long folderId, boolean link, String url, String title, String authors, Integer year, String language,
                              String country, String type, String description, String tags, String source, String visibility, String page,
                              String download, String view, String thumbnail, String filename, String contentType, String format, long size,
                              Integer version, Long views, Long downloads, boolean canEdit, Instant updatedAt) {
    }

    public record VersionView(long id, int number, String filename, String contentType, long size, String sha256, Instant createdAt, String uploadedBy,
                              boolean current, String download) {
    }

    public record FolderPage(FolderView folder, List<FolderView> folders, List<DocumentView> documents, long total, int page, int pages) {
    }

    public record Hit(DocumentView document, List<Snippet.Piece> snippet) {
    }

    public record Results(String q, List<Hit> hits, long total, int page, int pages) {
    }
}
