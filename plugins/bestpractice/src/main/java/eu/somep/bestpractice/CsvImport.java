package eu.somep.bestpractice;

import eu.somep.api.i18n.Messages;
import eu.somep.api.web.Problem;
import eu.somep.bestpractice.internal.Csv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a CSV text (the CSV export's format) into rows to import; what is wrong with a row's shape becomes its reason. */
final class CsvImport {
    /** The columns a file must have; id (ignored), platforms, outcome and composite may be left out. */
    static final List<String> REQUIRED = List.of("country", "organisation", "year", "category", "summary", "sources");

    private CsvImport() {
    }

    static List<BestPracticeApi.Row> rows(String text, Messages messages) {
        if (text == null || text.isBlank()) throw Problem.badRequest(messages.get("bestpractice.error.csvempty"));
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.Malformed e) {
            throw Problem.badRequest(messages.get("bestpractice.error.csvquote", e.line));
        }
        if (records.isEmpty()) throw Problem.badRequest(messages.get("bestpractice.error.csvempty"));
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) throw BestPracticeService.invalid(messages.get("bestpractice.error.csvheader", String.join(", ", missing)));
        if (records.size() > 5001) throw BestPracticeService.invalid(messages.get("bestpractice.error.importsize"));
        List<BestPracticeApi.Row> out = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            List<String> bad = new ArrayList<>();
            if (record.size() != header.size()) {
                bad.add(messages.get("bestpractice.error.csvcolumns", record.size(), header.size()));
                out.add(new BestPracticeApi.Row(null, bad));
                continue;
            }
            Map<String, Object> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) fields.put(header.get(i), unformula(record.get(i)));
            String sources = (String) fields.getOrDefault("sources", "");
            fields.put("sources", Arrays.stream(sources.split("\\s\\|\\s|\\r?\\n")).map(String::trim).filter(x -> !x.isEmpty()).toList());
            String composite = ((String) fields.getOrDefault("composite", "")).trim().toLowerCase(Locale.ROOT);
            switch (composite) {
                case "true", "yes", "1" -> fields.put("composite", true);
                case "", "false", "no", "0" -> fields.put("composite", false);
                default -> bad.add(messages.get("bestpractice.error.composite", composite));
            }
            out.add(new BestPracticeApi.Row(fields, bad));
        }
        return out;
    }

    /** Undoes the export's guard against spreadsheet formulas (a quote before =, +, -, @). */
    static String unformula(String v) {
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }
}
