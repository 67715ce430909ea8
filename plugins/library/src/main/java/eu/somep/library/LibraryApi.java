package eu.somep.library;

import eu.somep.api.security.AccessControl;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.library.LibraryService.Placed;
import eu.somep.library.Views.DocumentView;
import eu.somep.library.Views.FolderPage;
import eu.somep.library.Views.FolderView;
import eu.somep.library.Views.Hit;
import eu.somep.library.Views.Results;
import eu.somep.library.Views.VersionView;
import eu.somep.library.internal.Document;
import eu.somep.library.internal.FileTypes;
import eu.somep.library.internal.Folder;
import eu.somep.library.internal.Ingest;
import eu.somep.library.internal.Refused;
import eu.somep.library.internal.SearchIndex;
import eu.somep.library.internal.Version;
import eu.somep.library.internal.Visibility;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The library's JSON API under {@code /api/library}; its pages call the same methods. */
@Component(service = {WebResource.class, LibraryApi.class})
@Path("api/library")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryApi implements WebResource {
    static final int PAGE = 20;
    final LibraryService s;

    @Activate
    public LibraryApi(@Reference LibraryService s) {
        this.s = s;
    }

    // ---- views

    FolderView view(Folder f) {
        return new FolderView(f.id, f.parentId, f.activityId, f.name, f.description, f.visibility, s.store.countIn(f.id), s.canUpload(f), s.canManage(f));
    }

    DocumentView view(Document d, Folder f, Version v) {
        return view(d, f, v, s.rights(f));
    }

    DocumentView view(Document d, Folder f, Version v, LibraryService.Rights rights) {
        boolean edit = rights.canEdit(d);
        boolean file = v != null;
        boolean pdf = file && FileTypes.PDF.equals(v.contentType);
        return new DocumentView(d.id, d.folderId, d.isLink(), d.url, d.title, d.authors, d.year, d.language, d.country, d.type, d.description, d.tags,
                d.source, d.visibility, "/library/documents/" + d.id, file ? "/library/documents/" + d.id + "/download" : null,
                pdf ? "/library/documents/" + d.id + "/view" : null, file && v.previewKey != null ? "/library/documents/" + d.id + "/thumbnail" : null,
                file ? v.filename : null, file ? v.contentType : null, file ? FileTypes.ALLOWED.getOrDefault(v.contentType, "") : null, file ? v.size : 0,
                file ? v.number : null, edit ? d.views : null, edit ? d.downloads : null, edit, d.updatedAt);
    }

    DocumentView view(Placed p) {
        return view(p.doc(), p.folder(), p.doc().currentVersion == null ? null : s.store.version(p.doc().currentVersion).orElse(null));
    }

    VersionView view(Version v, Document d) {
        return new VersionView(v.id, v.number, v.filename, v.contentType, v.size, v.sha256, v.createdAt, s.name(v.uploadedBy), v.id.equals(d.currentVersion),
                "/library/versions/" + v.id + "/download");
    }

    // ---- folders

    @GET
    @Path("folders")
    @PublicAccess // lists only the folders the caller may see
    public List<FolderView> folders() {
        return s.store.roots().stream().filter(s::canSee).map(this::view).toList();
    }

    @GET
    @Path("folders/{id}")
    @ContextCapability(LibraryService.VIEW)
    public FolderPage folder(@PathParam("id") long id, @QueryParam("page") Integer page) {
        Folder f = s.folder(id);
        long total = s.store.countIn(f.id);
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int p = Math.min(Math.max(1, page == null ? 1 : page), pages);
        List<Document> docs = s.store.documentsIn(f.id, (p - 1) * PAGE, PAGE);
        Map<Long, Version> current = s.store.current(docs);
        LibraryService.Rights rights = s.rights(f);
        List<DocumentView> shown = docs.stream().filter(d -> s.canSeeIn(d, f)).map(d -> view(d, f, current.get(d.id), rights)).toList();
        List<FolderView> sub = s.store.children(f.id).stream().filter(s::canSee).map(this::view).toList();
        return new FolderPage(view(f), sub, shown, total, p, pages);
    }

    /** A new folder: {@code parentId} null for a top-level folder of the site. A sub-folder is never more open than its parent. */
    public record FolderInput(Long parentId, String name, String description, String visibility) {
    }

    @POST
    @Path("folders")
    @Consumes(MediaType.APPLICATION_JSON)
    @ContextCapability(LibraryService.MANAGE)
    public Response postFolder(FolderInput in) {
        FolderView made = createFolder(in, null);
        return Response.status(201).entity(made).build();
    }

    FolderView createFolder(FolderInput in, Long activityId) {
        if (in == null) throw invalid("library.error.folder.name");
        Folder parent = in.parentId() == null ? null : s.folder(in.parentId());
        long ctx = parent == null ? AccessControl.SITE : s.context(parent);
        s.access.require(LibraryService.MANAGE, ctx);
        String name = Meta.clean(in.name(), 255);
        if (name.isEmpty()) throw invalid("library.error.folder.name");
        String vis = in.visibility() == null || in.visibility().isBlank() ? (parent == null ? Visibility.PUBLIC : parent.visibility) : in.visibility().strip();
        boolean course = activityId != null || (parent != null && parent.activityId != null);
        if (!Visibility.ALL.contains(vis) || (Visibility.COURSE.equals(vis) != course && activityId != null) || (Visibility.COURSE.equals(vis) && !course)) {
            throw invalid("library.error.visibility");
        }
        if (parent != null && Visibility.ALL.indexOf(vis) < Visibility.ALL.indexOf(parent.visibility)) vis = parent.visibility;
        Folder f = s.store.saveFolder(null, parent == null ? null : parent.id, parent != null ? parent.activityId : activityId, name,
                Meta.clean(in.description(), 4000), vis, s.userId());
        return view(f);
    }

    @DELETE
    @Path("folders/{id}")
    @ContextCapability(LibraryService.MANAGE)
    public Response deleteFolder(@PathParam("id") long id) {
        Folder f = s.folder(id);
        if (f.activityId != null && f.parentId == null) throw new Problem(409, s.messages.get("library.error.title"), s.messages.get("library.error.activityfolder"));
        s.access.require(LibraryService.MANAGE, s.context(f));
        s.discard(s.store.deleteFolder(f.id));
        return Response.noContent().build();
    }

    // ---- documents

    @GET
    @Path("documents/{id}")
    @ContextCapability(LibraryService.VIEW)
    public DocumentView document(@PathParam("id") long id) {
        return view(s.document(id));
    }

    /**
     * Uploads a file as a new document: the raw request body, metadata as query parameters. The type is found
     * from the content; the name is display text only.
     */
    @POST
    @Path("folders/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @ContextCapability(LibraryService.UPLOAD)
    public Response upload(@PathParam("id") long folderId, @QueryParam("name") String name, @QueryParam("title") String title,
                           @QueryParam("authors") String authors, @QueryParam("year") String year, @QueryParam("language") String language,
                           @QueryParam("country") String country, @QueryParam("type") String type, @QueryParam("description") String description,
                           @QueryParam("tags") String tags, @QueryParam("source") String source, @QueryParam("visibility") String visibility, InputStream body) {
        Meta meta = new Meta(title, authors, year, language, country, type, description, tags, source, visibility, null);
        return Response.status(201).entity(upload(folderId, name, body, meta)).build();
    }

    DocumentView upload(long folderId, String name, InputStream body, Meta meta) {
        return uploadAll(folderId, List.of(new Incoming(name, () -> body)), meta).get(0);
    }

    /** One file of an upload: its display name and its bytes. */
    record Incoming(String name, Opener body) {
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Several files, all or nothing: each is checked and stored first; when one is refused, those stored before it are
     * deleted and the refusal names it; then every document is written in one transaction. A document without a
     * title takes its file's name.
     */
    List<DocumentView> uploadAll(long folderId, List<Incoming> files, Meta meta) {
        Folder f = s.folder(folderId);
        s.access.require(LibraryService.UPLOAD, s.context(f));
        long uid = s.userId();
        check(meta, false, f);
        List<Version> stored = new ArrayList<>();
        try {
            long used = s.store.usage(uid);
            for (Incoming in : files) {
                Version v;
                try (InputStream body = in.body().open()) {
                    v = ingest(in.name(), body, uid, used, files.size() > 1 ? in.name() : null);
                } catch (IOException e) {
                    throw new Problem(400, s.messages.get("library.error.title"), s.messages.get("library.error.io"));
                }
                stored.add(v);
                used += v.size;
            }
            List<Document> docs = new ArrayList<>();
            for (Version v : stored) {
                Document d = new Document();
                meta.apply(d, stripExtension(v.filename), f.visibility);
                d.folderId = f.id;
                d.ownerId = uid;
                d.createdAt = d.updatedAt = Instant.now();
                docs.add(d);
            }
            s.store.createAll(docs, stored);
            List<DocumentView> out = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) out.add(view(docs.get(i), f, stored.get(i)));
            stored.clear(); // kept
            return out;
        } finally {
            for (Version v : stored) s.discard(List.of(v.storageKey, v.previewKey == null ? "" : v.previewKey));
        }
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void check(Meta meta, boolean link, Folder f) {
        List<String> problems = meta.problems(link, f.activityId != null);
        if (!problems.isEmpty()) throw invalid(problems.toArray(String[]::new));
    }

    Problem invalid(String... keys) {
        List<String> texts = new ArrayList<>();
        for (String k : keys) texts.add(s.messages.get(k));
        return new Problem(422, s.messages.get("library.error.title"), String.join(" ", texts));
    }

    /** Runs the upload checks; a refusal becomes a localized 413 or 422 (naming the file when {@code named}) and leaves nothing behind. */
    Version ingest(String name, InputStream body, long uid) {
        return ingest(name, body, uid, s.store.usage(uid), null);
    }

    private Version ingest(String name, InputStream body, long uid, long used, String named) {
        long max = s.maxBytes();
        Ingest.Limits limits = new Ingest.Limits(max, Math.max(0, s.quotaBytes() - used), s.config().maxFileMb(), s.config().quotaMb());
        try {
            return Ingest.run(name, body == null ? InputStream.nullInputStream() : body, limits, s.temp, s.files, uid);
        } catch (Refused r) {
            Problem p = s.refusal(r);
            if (named == null) throw p;
            String file = named.strip().length() > 120 ? named.strip().substring(0, 120) + "…" : named.strip(); // text in a message, escaped where shown
            throw new Problem(p.status(), p.title(), s.messages.get("library.error.file", file.isEmpty() ? "?" : file, p.getMessage()));
        } catch (IOException e) {
            throw new Problem(400, s.messages.get("library.error.title"), s.messages.get("library.error.io"));
        }
    }

    @POST
    @Path("folders/{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @ContextCapability(LibraryService.UPLOAD)
    public Response postLink(@PathParam("id") long folderId, Meta meta) {
        return Response.status(201).entity(addLink(folderId, meta == null ? new Meta(null, null, null, null, null, null, null, null, null, null, null) : meta)).build();
    }

    DocumentView addLink(long folderId, Meta meta) {
        Folder f = s.folder(folderId);
        s.access.require(LibraryService.UPLOAD, s.context(f));
        long uid = s.userId();
        check(meta, true, f);
        Document d = new Document();
        meta.apply(d, meta.url(), f.visibility);
        d.url = meta.url().strip();
        d.folderId = f.id;
        d.ownerId = uid;
        d.createdAt = d.updatedAt = Instant.now();
        s.store.create(d, null);
        return view(d, f, null);
    }

    /** The document for those who may edit it (the owner with upload rights, or a manager); 404 for everyone else. */
    Placed editable(long id) {
        Placed p = s.document(id);
        if (!s.canEdit(p.doc(), p.folder())) throw s.notFound();
        return p;
    }

    @PUT
    @Path("documents/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ContextCapability(LibraryService.UPLOAD)
    public DocumentView update(@PathParam("id") long id, Meta meta) {
        Placed p = editable(id);
        if (meta == null) throw invalid("library.error.title.missing");
        check(meta, p.doc().isLink(), p.folder());
        Document d = p.doc();
        meta.apply(d, d.title, p.folder().visibility);
        if (d.isLink()) d.url = meta.url().strip();
        s.store.update(d);
        return document(id);
    }

    @DELETE
    @Path("documents/{id}")
    @ContextCapability(LibraryService.UPLOAD)
    public Response delete(@PathParam("id") long id) {
        Placed p = editable(id);
        s.discard(s.store.delete(p.doc().id));
        return Response.noContent().build();
    }

    // ---- versions

    @GET
    @Path("documents/{id}/versions")
    @ContextCapability(LibraryService.VIEW)
    public List<VersionView> versions(@PathParam("id") long id) {
        Placed p = s.document(id);
        return s.store.versions(p.doc().id).stream().map(v -> view(v, p.doc())).toList();
    }

    @POST
    @Path("documents/{id}/versions")
    @Consumes(MediaType.WILDCARD)
    @ContextCapability(LibraryService.UPLOAD)
    public Response postVersion(@PathParam("id") long id, @QueryParam("name") String name, InputStream body) {
        return Response.status(201).entity(addVersion(id, name, body)).build();
    }

    VersionView addVersion(long id, String name, InputStream body) {
        Placed p = editable(id);
        if (p.doc().isLink()) throw invalid("library.error.linkversion");
        Version v = ingest(name, body, s.userId());
        try {
            s.store.addVersion(p.doc().id, v);
        } catch (RuntimeException e) {
            s.discard(List.of(v.storageKey, v.previewKey == null ? "" : v.previewKey));
            throw e;
        }
        return view(v, s.store.document(id).orElseThrow());
    }

    @POST
    @Path("documents/{id}/versions/{version}/restore")
    @ContextCapability(LibraryService.UPLOAD)
    public DocumentView restore(@PathParam("id") long id, @PathParam("version") long versionId) {
        Placed p = editable(id);
        Version v = s.store.version(versionId).filter(x -> x.documentId == p.doc().id).orElseThrow(s::notFound);
        s.store.restore(p.doc().id, v.id);
        return document(id);
    }

    // ---- search

    @GET
    @Path("search")
    @PublicAccess // finds only what the caller may see
    public Results search(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("year") String year,
                          @QueryParam("language") String language, @QueryParam("country") String country, @QueryParam("page") Integer page) {
        Integer y = year != null && year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
        int p = Math.max(1, page == null ? 1 : Math.min(page, 500));
        SearchIndex.Found found = s.index.search(q, blank(type), y, lower(language), upper(country), s.levels(), s.courseFolders(), (p - 1) * PAGE, PAGE);
        List<Document> docs = s.store.documents(found.ids());
        Map<Long, Version> current = s.store.current(docs);
        Map<Long, Folder> folders = s.store.folders(docs.stream().map(d -> d.folderId).collect(java.util.stream.Collectors.toSet()));
        Map<Long, LibraryService.Rights> rights = new java.util.HashMap<>();
        List<Hit> hits = new ArrayList<>();
        for (Document d : docs) {
            Folder f = folders.get(d.folderId);
            // the index filtered already; the database's rule once more, so a stale index never shows what it should not
            if (f == null) continue;
            LibraryService.Rights r = rights.computeIfAbsent(f.id, x -> s.rights(f));
            if (!r.see() || !s.canSeeIn(d, f)) continue;
            hits.add(new Hit(view(d, f, current.get(d.id), r), found.snippets().getOrDefault(d.id, List.of())));
        }
        int pages = (int) Math.max(1, (found.total() + PAGE - 1) / PAGE);
        return new Results(q == null ? "" : q, hits, found.total(), p, pages);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String lower(String s) {
        return blank(s) == null ? null : s.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String upper(String s) {
        return blank(s) == null ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
