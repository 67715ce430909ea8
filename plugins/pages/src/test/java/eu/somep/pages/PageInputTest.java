package eu.somep.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.pages.internal.PageInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageInputTest {
    @Test
    void a_complete_page_has_no_problems() {
        assertEquals(List.of(), new PageInput("about-us", "tr", "Hakkımızda", "Metin.", "public").problems());
    }

    @Test
    void each_wrong_field_is_named() {
        assertEquals(List.of("pages.error.slug", "pages.error.language", "pages.error.title", "pages.error.body", "pages.error.visibility"),
                new PageInput("../etc", "fr", " ", "", "secret").problems());
        assertEquals(List.of("pages.error.title"), new PageInput("a", "en", "x".repeat(201), "b", "members").problems());
    }
}
