package eu.somep.glossary;

import eu.somep.testkit.Data;
import java.io.IOException;

/** Builders for glossary terms, over the REST API, for tests that read like stories. */
final class GlossaryData {
    private GlossaryData() {
    }

    /** A term known only in English; returns its id. */
    static long term(Data data, String name, String definition) throws IOException, InterruptedException {
        return data.create("/api/glossary/terms", "{\"translations\":{\"en\":" + text(name, definition) + "}}");
    }

    static String text(String name, String definition) {
        return "{\"name\":" + Data.json(name) + ",\"definition\":" + Data.json(definition) + "}";
    }
}
