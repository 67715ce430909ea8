package eu.somep.bestpractice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader: quotes, doubled quotes, commas and line breaks inside quotes, CRLF and LF, a BOM, blank lines, and an open quote. */
class CsvTest {
    @Test
    void reads_quoted_fields_and_both_line_ends() throws Exception {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\"\nthere", ""), List.of("1", "", "3", "x")),
                Csv.parse("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\nthere\",\r\n\r\n1,,3,x\n"));
        assertEquals(List.of(List.of("only")), Csv.parse("only"));
        assertEquals(List.of(List.of("", "")), Csv.parse(",\n"), "a record of two empty fields is kept");
        assertEquals(List.of(), Csv.parse("\n \n"), "blank lines are not records");
    }

    @Test
    void an_open_quote_names_the_line_its_record_starts_on() {
        Csv.Malformed e = assertThrows(Csv.Malformed.class, () -> Csv.parse("h1,h2\nok,1\n\"open,2\nmore\n"));
        assertEquals(3, e.line);
    }
}
