package eu.somep.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index alone: stemming per language, folding, filters, access levels and highlighted pieces. */
class SearchIndexTest {
    @TempDir
    Path dir;
    SearchIndex index;
    static final Set<String> GUEST = Set.of("public"), MEMBER = Set.of("public", "members");

    static SearchIndex.Entry entry(long id, String fvis, String vis, String lang, String country, Integer year, String type, String title, String text) {
        return new SearchIndex.Entry(id, 1, fvis, vis, type, year, lang, country, id, title, "", "", "", title + ".pdf", "", text);
    }

    @BeforeEach
    void fill() throws Exception {
        index = new SearchIndex(dir);
        index.put(entry(1, "public", "public", "en", "GB", 2012, "report", "Neighbourhood officers", "The police met residents. <script>alert(1)</script> police & community."));
        index.put(entry(2, "public", "public", "de", "DE", 2016, "study", "Polizeiarbeit", "Die Polizeien in Bayern nutzen soziale Medien."));
        index.put(entry(3, "public", "public", "tr", "TR", 2016, "guideline", "Rehber", "POLİS ve sosyal medya kullanımı."));
        index.put(entry(4, "public", "members", "en", "GB", 2016, "report", "Members only", "Internal police briefing."));
        index.put(entry(5, "course", "course", "en", "GB", 2016, "report", "Course reading", "Police course reading."));
        index.commit(5, "db");
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    List<Long> ids(String q, String type, Integer year, String lang, String country, Set<String> levels, List<Long> course) throws Exception {
        return index.search(new SearchIndex.Criteria(q == null ? null : index.parse(q, false), type, year, lang, country), levels, course, 0, 20).ids();
    }

    @Test
    void english_stemming_finds_police_from_policing() throws Exception {
        assertEquals(Set.of(1L), Set.copyOf(ids("policing", null, null, null, null, GUEST, List.of())));
        assertEquals(Set.of(1L, 4L), Set.copyOf(ids("policing", null, null, null, null, MEMBER, List.of())));
    }

    @Test
    void german_and_turkish_words_are_stemmed_and_folded() throws Exception {
        assertEquals(List.of(2L), ids("Polizei", null, null, null, null, GUEST, List.of()));
        assertEquals(List.of(3L), ids("polis", null, null, null, null, GUEST, List.of()));
        assertEquals(List.of(3L), ids("kullanim", null, null, null, null, GUEST, List.of()));
    }

    @Test
    void filters_narrow_and_access_levels_hide() throws Exception {
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(null, null, 2016, null, null, GUEST, List.of())));
        assertEquals(List.of(2L), ids(null, "study", null, null, null, GUEST, List.of()));
        assertEquals(List.of(3L), ids(null, null, null, "tr", null, GUEST, List.of()));
        assertEquals(List.of(1L), ids(null, null, null, null, "GB", GUEST, List.of()));
        assertEquals(Set.of(1L, 4L), Set.copyOf(ids(null, null, null, null, "GB", MEMBER, List.of())));
        assertEquals(Set.of(1L, 4L, 5L), Set.copyOf(ids(null, null, null, null, "GB", MEMBER, List.of(1L))));
        assertEquals(List.of(), ids("briefing", null, null, null, null, GUEST, List.of()));
    }

    @Test
    void matches_come_back_as_pieces_with_markup_as_plain_text() throws Exception {
        SearchIndex.Found f = index.search(new SearchIndex.Criteria(index.parse("policing script", false), null, null, null, null), GUEST, List.of(), 0, 20);
        List<Snippet.Piece> p = f.snippets().get(1L);
        assertTrue(p.stream().filter(Snippet.Piece::hit).map(Snippet.Piece::text).collect(Collectors.toSet()).containsAll(Set.of("police", "script")), p.toString());
        String all = p.stream().map(Snippet.Piece::text).collect(Collectors.joining());
        assertTrue(all.contains("<script>alert(1)</"), all); // text, escaped by the template like any other
    }

    @Test
    void broken_syntax_is_taken_literally() throws Exception {
        assertEquals(Set.of(1L), Set.copyOf(ids("police AND (", null, null, null, null, GUEST, List.of())));
        assertEquals(List.of(), ids("*olice", null, null, null, null, GUEST, List.of()));
        assertEquals(Set.of(1L), Set.copyOf(ids("resid*", null, null, null, null, GUEST, List.of())));
    }

    @Test
    void the_commit_records_the_last_change() throws Exception {
        assertEquals(new SearchIndex.State(5, "db", SearchIndex.LAYOUT_VERSION), index.state());
        index.remove(1);
        index.commit(6, "db");
        assertEquals(List.of(), ids("residents", null, null, null, null, GUEST, List.of()));
    }
}
