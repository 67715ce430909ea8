package eu.somep.core.security;

import eu.somep.api.web.Uploads;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kernel's {@link Uploads} service: the current request's multipart parts, as Jetty parsed them. */
public final class UploadsService implements Uploads {
    @Override
    public List<File> files(String field) {
        List<File> out = new ArrayList<>();
        for (Part p : parts()) {
            if (!p.getName().equals(field) || p.getSubmittedFileName() == null) continue;
            out.add(new File() {
                @Override public String field() { return p.getName(); }
                @Override public String filename() { return p.getSubmittedFileName(); }
                @Override public String contentType() { return p.getContentType(); }
                @Override public long size() { return p.getSize(); }
                @Override public InputStream open() throws IOException { return p.getInputStream(); }
            });
        }
        return out;
    }

    @Override
    public Optional<String> field(String name) {
        for (Part p : parts()) {
            if (p.getName().equals(name) && p.getSubmittedFileName() == null) {
                try (InputStream in = p.getInputStream()) {
                    return Optional.of(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<Part> parts() {
        HttpServletRequest req = Current.get().request();
        String type = req == null ? null : req.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) return List.of();
        try {
            return new ArrayList<>(req.getParts());
        } catch (IOException | ServletException | IllegalStateException e) {
            return List.of(); // too large or malformed: no files, and the route says what it needs
        }
    }
}
