package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.backup.Backup;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * {@code POST /api/admin/backup}: a consistent backup of the running site as a zip (the answer's body), for
 * {@code bin/somep backup}. POST, because it writes a file and an audit entry, and is never cached or prefetched.
 */
@Path("api/admin/backup")
@RequiresCapability(BackupApi.CAPABILITY)
public final class BackupApi {
    public static final String CAPABILITY = "kernel:backup";
    private final Backup backup;
    private final DataSource ds;
    private final AuditLog audit;

    public BackupApi(Backup backup, DataSource ds, AuditLog audit) {
        this.backup = backup;
        this.ds = ds;
        this.audit = audit;
    }

    @POST
    @Produces("application/zip")
    public Response backup() throws IOException {
        String name = "somep-backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
        java.nio.file.Path file = backup.writeTemp(ds);
        audit.record("site/backup", name, backup.isH2() ? "database and files" : "files only (PostgreSQL: pg_dump)");
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, "application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
