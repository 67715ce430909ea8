package eu.somep.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Which columns count as referring to people, and how names from users become safe archive entries. */
class PrivacyNamesTest {
    @Test
    void person_columns_follow_the_naming_conventions() {
        for (String c : List.of("user_id", "author_id", "owner_id", "editor_id", "reporter_id", "actor_id", "created_by", "uploaded_by", "resolved_by", "proposed_by"))
            assertTrue(PersonalColumns.PERSON.matcher(c).matches(), c);
        for (String c : List.of("id", "course_id", "post_id", "activity_id", "users", "by", "bytes", "sort_order"))
            assertFalse(PersonalColumns.PERSON.matcher(c).matches(), c);
    }

    @Test
    void archive_names_are_never_paths_and_never_clash() throws Exception {
        assertEquals("_.._etc_passwd", ZipExport.safe("/../etc/passwd"));
        assertEquals("_hidden", ZipExport.safe(".hidden"));
        assertEquals("file", ZipExport.safe(""));
        assertEquals("r_sum_.pdf", ZipExport.safe("résumé.pdf"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipExport zip = new ZipExport(out);
        ZipExport.Folder f = zip.folder("forum");
        f.file("a.txt", new ByteArrayInputStream("1".getBytes(StandardCharsets.UTF_8)));
        f.file("a.txt", new ByteArrayInputStream("2".getBytes(StandardCharsets.UTF_8)));
        f.json("posts", List.of());
        zip.finish();
        assertEquals(List.of("forum/files/a.txt", "forum/files/a-2.txt", "forum/posts.json"), f.written);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        assertEquals(f.written, names);
    }
}
