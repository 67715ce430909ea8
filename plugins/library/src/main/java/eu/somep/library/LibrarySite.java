package eu.somep.library;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.Uploads;
import eu.somep.api.web.View;
import eu.somep.library.LibraryService.Placed;
import eu.somep.library.internal.Document;
import eu.somep.library.internal.FileTypes;
import eu.somep.library.internal.Names;
import eu.somep.library.internal.Version;
import eu.somep.library.internal.Visibility;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The library's pages under {@code /library}, and its files: every download, preview and inline view checks access
 * on its own request, is sent with the type detected at upload, {@code Content-Disposition} and (from the kernel)
 * {@code X-Content-Type-Options: nosniff}.
 */
@Component(service = WebResource.class)
@Path("library")
@Produces(MediaType.TEXT_HTML)
public class LibrarySite implements WebResource {
    private final LibraryApi api;
    private final LibraryService s;
    private final Uploads uploads;

    @Activate
    public LibrarySite(@Reference LibraryApi api, @Reference Uploads uploads) {
        this.api = api;
        this.s = api.s;
        this.uploads = uploads;
    }

    private String field(String name) {
        return uploads.field(name).orElse(null);
    }

    private Meta formMeta() {
        return new Meta(field("title"), field("authors"), field("year"), field("language"), field("country"), field("type"), field("description"),
                field("tags"), field("source"), field("visibility"), field("url"));
    }

    private View base(String template) {
        return View.of(template).with("types", Document.TYPES).with("visibilities", Visibility.ALL).with("signedIn", s.signedIn())
                .with("maxMb", s.config().maxFileMb()).with("allowed", FileTypes.ALLOWED_TEXT).with("error", "");
    }

    @GET
    @PublicAccess // shows only the folders the caller may see
    public View index() {
        return base("library/index.ftlh").with("folders", api.folders()).with("facets", s.facets()).with("canManage", s.canManage(siteFolder()));
    }

    private static eu.somep.library.internal.Folder siteFolder() {
        eu.somep.library.internal.Folder f = new eu.somep.library.internal.Folder();
        f.visibility = Visibility.PUBLIC;
        return f;
    }

    @GET
    @Path("search")
    @PublicAccess // finds only what the caller may see
    public View search(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("year") String year, @QueryParam("language") String language,
                       @QueryParam("country") String country, @QueryParam("page") Integer page) {
        return base("library/search.ftlh").with("results", api.search(q, type, year, language, country, page)).with("facets", s.facets())
                .with("type", nz(type)).with("year", nz(year)).with("language", nz(language)).with("country", nz(country));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @GET
    @Path("folders/{id}")
    @ContextCapability(LibraryService.VIEW)
    public View folder(@PathParam("id") long id, @QueryParam("page") Integer page) {
        return base("library/folder.ftlh").with("page", api.folder(id, page));
    }

    @POST
    @Path("folders")
    @ContextCapability(LibraryService.MANAGE)
    public Response createFolder() {
        String parent = field("parentId");
        Long parentId;
        try {
            parentId = parent == null || parent.isBlank() ? null : Long.valueOf(parent.strip());
        } catch (NumberFormatException e) { // only a tampered form sends this: the folder page sends its own id
            throw new Problem(404, s.messages.get("library.error.title"), s.messages.get("library.error.notfound"));
        }
        var made = api.createFolder(new LibraryApi.FolderInput(parentId, field("name"), field("description"), field("visibility")), null);
        return Response.seeOther(URI.create("/library/folders/" + made.id())).build();
    }

    /** One or many files from the upload form (field {@code file}); the same metadata for each. */
    @POST
    @Path("folders/{id}/upload")
    @ContextCapability(LibraryService.UPLOAD)
    public Response upload(@PathParam("id") long id) {
        List<Uploads.File> files = new ArrayList<>();
        for (Uploads.File f : uploads.files("file")) if (!(f.filename() == null || f.filename().isEmpty()) || f.size() > 0) files.add(f);
        if (files.isEmpty()) throw new Problem(422, s.messages.get("library.error.title"), s.messages.get("library.error.empty"));
        Meta meta = formMeta();
        Meta m = files.size() > 1 ? new Meta(null, meta.authors(), meta.year(), meta.language(), meta.country(), meta.type(), meta.description(),
                meta.tags(), meta.source(), meta.visibility(), null) : meta;
        List<LibraryApi.Incoming> incoming = files.stream().map(f -> new LibraryApi.Incoming(f.filename(), f::open)).toList();
        long last = api.uploadAll(id, incoming, m).get(incoming.size() - 1).id();
        return Response.seeOther(URI.create(files.size() == 1 ? "/library/documents/" + last : "/library/folders/" + id)).build();
    }

    @POST
    @Path("folders/{id}/links")
    @ContextCapability(LibraryService.UPLOAD)
    public Response addLink(@PathParam("id") long id) {
        var made = api.addLink(id, formMeta());
        return Response.seeOther(URI.create("/library/documents/" + made.id())).build();
    }

    @POST
    @Path("folders/{id}/delete")
    @ContextCapability(LibraryService.MANAGE)
    public Response deleteFolder(@PathParam("id") long id) {
        Long parent = s.folder(id).parentId;
        api.deleteFolder(id);
        return Response.seeOther(URI.create(parent == null ? "/library" : "/library/folders/" + parent)).build();
    }

    @GET
    @Path("documents/{id}")
    @ContextCapability(LibraryService.VIEW)
    public View document(@PathParam("id") long id) {
        Placed p = s.document(id);
        s.store.viewed(p.doc().id);
        return base("library/document.ftlh").with("doc", api.view(p)).with("versions", api.versions(id)).with("folder", api.view(p.folder()))
                .with("meta", Meta.of(p.doc()));
    }

    @POST
    @Path("documents/{id}/edit")
    @ContextCapability(LibraryService.UPLOAD)
    public Response edit(@PathParam("id") long id) {
        api.update(id, formMeta());
        return Response.seeOther(URI.create("/library/documents/" + id)).build();
    }

    @POST
    @Path("documents/{id}/versions")
    @ContextCapability(LibraryService.UPLOAD)
    public Response addVersion(@PathParam("id") long id) {
        List<Uploads.File> files = uploads.files("file");
        if (files.isEmpty()) throw new Problem(422, s.messages.get("library.error.title"), s.messages.get("library.error.empty"));
        try (InputStream in = files.get(0).open()) {
            api.addVersion(id, files.get(0).filename(), in);
        } catch (IOException e) {
            throw new Problem(400, s.messages.get("library.error.title"), s.messages.get("library.error.io"));
        }
        return Response.seeOther(URI.create("/library/documents/" + id)).build();
    }

    @POST
    @Path("documents/{id}/versions/{version}/restore")
    @ContextCapability(LibraryService.UPLOAD)
    public Response restore(@PathParam("id") long id, @PathParam("version") long version) {
        api.restore(id, version);
        return Response.seeOther(URI.create("/library/documents/" + id)).build();
    }

    @POST
    @Path("documents/{id}/delete")
    @ContextCapability(LibraryService.UPLOAD)
    public Response delete(@PathParam("id") long id) {
        long folder = s.document(id).doc().folderId;
        api.delete(id);
        return Response.seeOther(URI.create("/library/folders/" + folder)).build();
    }

    // ---- files

    /** The current version as a download. */
    @GET
    @Path("documents/{id}/download")
    @Produces(MediaType.WILDCARD)
    @ContextCapability(LibraryService.DOWNLOAD)
    public Response download(@PathParam("id") long id) {
        Placed p = downloadable(id);
        Version v = s.store.version(p.doc().currentVersion).orElseThrow(s::notFound);
        s.store.downloaded(p.doc().id);
        return send(v, v.storageKey, false);
    }

    /** A PDF shown in the browser (inline); other types are only downloads. */
    @GET
    @Path("documents/{id}/view")
    @Produces(MediaType.WILDCARD)
    @ContextCapability(LibraryService.DOWNLOAD)
    public Response inline(@PathParam("id") long id) {
        Placed p = downloadable(id);
        Version v = s.store.version(p.doc().currentVersion).orElseThrow(s::notFound);
        if (!FileTypes.PDF.equals(v.contentType)) throw s.notFound();
        s.store.downloaded(p.doc().id);
        return send(v, v.storageKey, true);
    }

    @GET
    @Path("documents/{id}/thumbnail")
    @Produces("image/png")
    @ContextCapability(LibraryService.VIEW)
    public Response thumbnail(@PathParam("id") long id) {
        Placed p = s.document(id);
        Version v = p.doc().currentVersion == null ? null : s.store.version(p.doc().currentVersion).orElse(null);
        if (v == null || v.previewKey == null) throw s.notFound();
        return stream(v.previewKey, "image/png", "inline", -1);
    }

    /** Any version of a document, for those who may download the document. */
    @GET
    @Path("versions/{id}/download")
    @Produces(MediaType.WILDCARD)
    @ContextCapability(LibraryService.DOWNLOAD)
    public Response version(@PathParam("id") long id) {
        Version v = s.store.version(id).orElseThrow(s::notFound);
        downloadable(v.documentId);
        return send(v, v.storageKey, false);
    }

    private Placed downloadable(long id) {
        Placed p = s.document(id);
        if (p.doc().isLink() || p.doc().currentVersion == null) throw s.notFound();
        s.access.require(LibraryService.DOWNLOAD, s.context(p.folder()));
        return p;
    }

    private Response send(Version v, String key, boolean inline) {
        String type = FileTypes.TEXT.equals(v.contentType) ? "text/plain;charset=utf-8" : v.contentType;
        return stream(key, type, Names.disposition(inline, v.filename), v.size);
    }

    private Response stream(String key, String type, String disposition, long size) {
        InputStream in;
        try {
            in = s.files.open(key);
        } catch (IOException | RuntimeException e) {
            throw s.notFound();
        }
        StreamingOutput body = out -> {
            try (InputStream from = in) {
                from.transferTo(out);
            }
        };
        Response.ResponseBuilder r = Response.ok(body, type).header("Content-Disposition", disposition).header("Cache-Control", "private, no-store");
        if (size >= 0) r.header("Content-Length", size);
        return r.build();
    }

    /** The upload page's script (drag-and-drop, progress bar): served from here because the policy allows scripts from the site only. */
    @GET
    @Path("upload.js")
    @Produces("text/javascript")
    @PublicAccess
    public Response script() throws IOException {
        try (InputStream in = LibrarySite.class.getResourceAsStream("/static/library/upload.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Response.ok(js, "text/javascript;charset=utf-8").header("Cache-Control", "public, max-age=3600").build();
        }
    }
}
