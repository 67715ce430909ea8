package eu.somep.library.internal;

import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The index's analysers. A document's text is indexed twice: with its own language's stemming analyser (English,
 * German, Turkish: "policing" finds "police") and with a plain one for every language (lower case, accents and the
 * Turkish dotted and dotless i folded: "POLİS" finds "polis"), so a word typed in another language still matches.
 */
final class Analyzers {
    /** Languages with a stemming analyser; any other language's text goes to the plain fields only. */
    static final List<String> STEMMED = List.of("en", "de", "tr");
    /** The plain analyser's suffix in field names. */
    static final String PLAIN = "xx";

    private Analyzers() {
    }

    /** The suffix of the fields that hold a document in this language. */
    static String suffix(String language) {
        return STEMMED.contains(language) ? language : PLAIN;
    }

    static Analyzer perField() {
        Analyzer plain = plain();
        Map<String, Analyzer> by = new HashMap<>();
        Map<String, Analyzer> lang = Map.of("en", new EnglishAnalyzer(), "de", new GermanAnalyzer(), "tr", new TurkishAnalyzer(), PLAIN, plain);
        lang.forEach((l, a) -> {
            by.put(SearchIndex.TEXT + l, a);
            by.put(SearchIndex.META + l, a);
        });
        return new PerFieldAnalyzerWrapper(plain, by);
    }

    /** Standard tokens, lower case, folded to ASCII; the Turkish capital dotted I and dotless i become i first. */
    static Analyzer plain() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("İ", "i");
        map.add("ı", "i");
        NormalizeCharMap turkish = map.build();
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(turkish, reader);
            }

            @Override
            protected Reader initReaderForNormalization(String fieldName, Reader reader) {
                return new MappingCharFilter(turkish, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream out = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, out);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
