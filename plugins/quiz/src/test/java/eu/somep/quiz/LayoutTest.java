package eu.somep.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An attempt's pages: cut by questions per page, shuffled once, stored and read back unchanged. */
class LayoutTest {
    @Test
    void pages_of_n_questions_in_slot_order() {
        Layout l = Layout.start(List.of(1, 2, 3, 4, 5), 2, false, new Random(1));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), l.pages());
        assertEquals("1,2|3,4|5", l.stored());
        assertEquals(3, l.pageOf(5));
        assertEquals(0, l.pageOf(9));
        assertEquals(List.of(List.of(1, 2, 3, 4, 5)), Layout.start(List.of(1, 2, 3, 4, 5), 0, false, new Random(1)).pages());
    }

    @Test
    void a_shuffled_order_is_kept_as_stored() {
        Layout l = Layout.start(List.of(1, 2, 3, 4, 5, 6, 7, 8), 3, true, new Random(7));
        assertNotEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), l.order());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), l.order().stream().sorted().toList());
        assertEquals(l, Layout.of(l.stored(), List.of()));
    }

    @Test
    void an_attempt_from_before_layouts_is_one_page() {
        assertEquals(List.of(List.of(1, 2, 3)), Layout.of(null, List.of(1, 2, 3)).pages());
    }
}
