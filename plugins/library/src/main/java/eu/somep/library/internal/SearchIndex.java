package eu.somep.library.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The library's Lucene index, in the plugin's data folder. One Lucene document per library document: its text in the
 * fields of its language ({@link Analyzers}), its filters (type, year, language, country) and what access needs (the
 * folder and both visibility levels), so that a search only ever returns what the caller may see. The database stays
 * the truth: the index records in its commit the last database change it holds ({@link #state()}), and
 * {@link Indexer} brings it up to date or rebuilds it.
 */
public final class SearchIndex implements Closeable {
    static final String ID = "id", FOLDER = "folder", FVIS = "fvis", DVIS = "dvis", TYPE = "type", YEAR = "year", LANG = "lang", COUNTRY = "country";
    static final String UPDATED = "updated", SORT_ID = "sid", ALL = "all", TEXT = "text_", META = "meta_";
    /** Commit data: the last change held, and which database and field layout the index was built for. */
    static final String CHANGE = "lastChange", DATABASE = "database", LAYOUT = "layout";
    /** Bumped when the fields change, so that an index of an older layout is rebuilt. */
    static final String LAYOUT_VERSION = "1";

    /** A stored, analysed field with offsets, so that the highlighter needs no second analysis. */
    private static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT.freeze();
    }

    /** What is indexed of one document. */
    public record Entry(long id, long folderId, String folderVisibility, String visibility, String type, Integer year, String language, String country,
                        long updated, String title, String authors, String tags, String source, String filename, String description, String text) {
    }

    /** The commit's record: see {@link #CHANGE}. {@code change} is -1 for an empty or new index. */
    public record State(long change, String database, String layout) {
    }

    private final Directory dir;
    final Analyzer analyzer = Analyzers.perField();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public SearchIndex(Path folder) throws IOException {
        this.dir = FSDirectory.open(folder);
        this.writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    public State state() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
        return new State(Long.parseLong(data.getOrDefault(CHANGE, "-1")), data.get(DATABASE), data.get(LAYOUT));
    }

    public void put(Entry e) throws IOException {
        writer.updateDocument(new Term(ID, Long.toString(e.id())), document(e));
    }

    public void remove(long id) throws IOException {
        writer.deleteDocuments(new Term(ID, Long.toString(id)));
    }

    public void clear() throws IOException {
        writer.deleteAll();
    }

    /** Makes the changes durable with the last database change they reflect, and visible to searches. */
    public void commit(long change, String database) throws IOException {
        writer.setLiveCommitData(Map.of(CHANGE, Long.toString(change), DATABASE, database, LAYOUT, LAYOUT_VERSION).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private org.apache.lucene.document.Document document(Entry e) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        d.add(new StringField(ID, Long.toString(e.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(SORT_ID, e.id()));
        d.add(new NumericDocValuesField(UPDATED, e.updated()));
        d.add(new StringField(FOLDER, Long.toString(e.folderId()), Field.Store.NO));
        d.add(new StringField(FVIS, e.folderVisibility(), Field.Store.NO));
        d.add(new StringField(DVIS, e.visibility(), Field.Store.NO));
        d.add(new StringField(TYPE, e.type(), Field.Store.NO));
        d.add(new StringField(LANG, e.language(), Field.Store.NO));
        d.add(new StringField(COUNTRY, e.country(), Field.Store.NO));
        if (e.year() != null) d.add(new IntPoint(YEAR, e.year()));
        String lang = Analyzers.suffix(e.language());
        String meta = String.join("\n", e.title(), e.authors(), e.tags(), e.source(), e.country(), e.filename() == null ? "" : e.filename());
        // the passage shown in results comes from the description and the file's text
        String body = e.description().isEmpty() ? e.text() : e.description() + "\n\n" + e.text();
        d.add(new Field(TEXT + lang, body, STORED_TEXT));
        d.add(new TextField(META + lang, meta, Field.Store.NO));
        d.add(new TextField(ALL, meta + "\n" + body, Field.Store.NO));
        return d;
    }

    /**
     * The reader's words as a query: every word must match, in any field; metadata count twice. Lucene's syntax
     * (phrases, OR, prefix*) works; what does not parse is taken literally, and {@code literal} forces that.
     */
    public Query parse(String text, boolean literal) {
        List<String> fields = new ArrayList<>(List.of(ALL));
        Map<String, Float> boosts = new HashMap<>();
        for (String l : List.of("en", "de", "tr", Analyzers.PLAIN)) {
            fields.add(TEXT + l);
            fields.add(META + l);
            boosts.put(META + l, 2f);
        }
        MultiFieldQueryParser p = new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer, boosts);
        p.setDefaultOperator(QueryParser.Operator.AND);
        p.setAllowLeadingWildcard(false);
        try {
            return p.parse(literal ? QueryParser.escape(text) : text);
        } catch (ParseException | RuntimeException e) {
            return literal ? new MatchNoDocsQuery() : parse(text, true);
        }
    }

    /** What a search asks for; null filters are not applied, and a null query lists everything (newest first). */
    public record Criteria(Query text, String type, Integer year, String language, String country) {
    }

    /** A page of matching ids, best first, how many matched in all, and the highlighted passages by id. */
    public record Found(List<Long> ids, long total, Map<Long, List<Snippet.Piece>> snippets) {
    }

    /**
     * The documents matching the criteria among those the caller may see: both the folder's and the document's
     * level in {@code levels}, or the folder one of {@code courseFolders} (course folders the caller takes part in).
     */
    public Found search(Criteria c, Set<String> levels, Collection<Long> courseFolders, int offset, int limit) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(c.text() == null ? new MatchAllDocsQuery() : c.text(), Occur.MUST);
        q.add(access(levels, courseFolders), Occur.FILTER);
        if (c.type() != null) q.add(new TermQuery(new Term(TYPE, c.type())), Occur.FILTER);
        if (c.year() != null) q.add(IntPoint.newExactQuery(YEAR, c.year()), Occur.FILTER);
        if (c.language() != null) q.add(new TermQuery(new Term(LANG, c.language())), Occur.FILTER);
        if (c.country() != null) q.add(new TermQuery(new Term(COUNTRY, c.country())), Occur.FILTER);
        Query query = q.build();
        Sort sort = c.text() == null ? new Sort(new SortField(UPDATED, SortField.Type.LONG, true), new SortField(SORT_ID, SortField.Type.LONG, true))
                : new Sort(SortField.FIELD_SCORE, new SortField(UPDATED, SortField.Type.LONG, true), new SortField(SORT_ID, SortField.Type.LONG, true));
        IndexSearcher s = searchers.acquire();
        try {
            int total = s.count(query);
            if (offset >= total) return new Found(List.of(), total, Map.of());
            TopFieldDocs top = s.search(query, offset + limit, sort);
            List<Long> ids = new ArrayList<>();
            List<Integer> docs = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                ids.add(Long.parseLong(s.storedFields().document(sd.doc, Set.of(ID)).get(ID)));
                docs.add(sd.doc);
            }
            Map<Long, List<Snippet.Piece>> snippets = c.text() == null ? Map.of() : snippets(s, c.text(), ids, docs);
            return new Found(ids, total, snippets);
        } finally {
            searchers.release(s);
        }
    }

    private static Query access(Set<String> levels, Collection<Long> courseFolders) {
        List<BytesRef> lv = levels.stream().map(BytesRef::new).toList();
        BooleanQuery.Builder open = new BooleanQuery.Builder();
        open.add(new TermInSetQuery(FVIS, lv), Occur.FILTER);
        open.add(new TermInSetQuery(DVIS, lv), Occur.FILTER);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(open.build(), Occur.SHOULD);
        if (!courseFolders.isEmpty()) any.add(new TermInSetQuery(FOLDER, courseFolders.stream().map(id -> new BytesRef(Long.toString(id))).toList()), Occur.SHOULD);
        any.setMinimumNumberShouldMatch(1);
        return any.build();
    }

    /** The best passage of each document's text field (the one of its language), as plain and matching pieces. */
    private Map<Long, List<Snippet.Piece>> snippets(IndexSearcher s, Query text, List<Long> ids, List<Integer> docs) throws IOException {
        Map<Long, List<Snippet.Piece>> out = new HashMap<>();
        if (docs.isEmpty()) return out;
        Highlighter h = new Highlighter(UnifiedHighlighter.builder(s, analyzer).withFormatter(new Snippet()).withMaxLength(Extractor.MAX_CHARS + 4100)
                .withMaxNoHighlightPassages(0).withBreakIterator(Snippet::breaks));
        List<String> fields = new ArrayList<>();
        for (String l : Analyzers.STEMMED) fields.add(TEXT + l);
        fields.add(TEXT + Analyzers.PLAIN);
        int[] docIds = docs.stream().mapToInt(Integer::intValue).toArray();
        int[] one = fields.stream().mapToInt(f -> 1).toArray();
        Map<String, Object[]> byField = h.objects(fields.toArray(String[]::new), text, docIds, one);
        for (Object[] perDoc : byField.values()) {
            for (int i = 0; i < perDoc.length; i++) {
                if (perDoc[i] instanceof List<?> pieces && !pieces.isEmpty()) {
                    @SuppressWarnings("unchecked") List<Snippet.Piece> p = (List<Snippet.Piece>) pieces;
                    out.putIfAbsent(ids.get(i), p);
                }
            }
        }
        return out;
    }

    /** Lucene's highlighter, with its passages as the formatter's objects (the pieces) rather than strings. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(UnifiedHighlighter.Builder b) {
            super(b);
        }

        Map<String, Object[]> objects(String[] fields, Query q, int[] docIds, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, q, docIds, passages);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            dir.close();
        }
    }

    /** Whether a folder holds a readable index (a corrupt one is deleted and rebuilt by the caller). */
    static boolean readable(Path folder) {
        try (Directory d = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(d)) return true;
            DirectoryReader.open(d).close();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
