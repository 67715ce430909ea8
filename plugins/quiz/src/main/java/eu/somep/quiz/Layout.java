package eu.somep.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An attempt's pages: the quiz's slots in the order the attempt shows them, cut into pages. Written once when the
 * attempt starts ("3,1|2,4": slots by commas, pages by bars), so a shuffled order survives resuming and shows in the review.
 */
record Layout(List<List<Integer>> pages) {

    /** The layout of a new attempt: shuffled when the quiz says so, {@code perPage} slots a page (0: one page). */
    static Layout start(List<Integer> slots, int perPage, boolean shuffle, Random random) {
        List<Integer> order = new ArrayList<>(slots);
        if (shuffle) Collections.shuffle(order, random);
        List<List<Integer>> pages = new ArrayList<>();
        int size = perPage <= 0 ? Math.max(1, order.size()) : perPage;
        for (int i = 0; i < order.size(); i += size) pages.add(List.copyOf(order.subList(i, Math.min(order.size(), i + size))));
        if (pages.isEmpty()) pages.add(List.of());
        return new Layout(List.copyOf(pages));
    }

    /** The stored layout; an attempt from before layouts (null) shows its slots on one page in slot order. */
    static Layout of(String stored, List<Integer> slots) {
        if (stored == null || stored.isBlank()) return new Layout(List.of(List.copyOf(slots)));
        List<List<Integer>> pages = new ArrayList<>();
        for (String page : stored.split("\\|", -1)) {
            List<Integer> p = new ArrayList<>();
            for (String slot : page.split(",")) if (!slot.isBlank()) p.add(Integer.parseInt(slot.trim()));
            pages.add(List.copyOf(p));
        }
        return new Layout(List.copyOf(pages));
    }

    String stored() {
        StringBuilder b = new StringBuilder();
        for (List<Integer> p : pages) {
            if (!b.isEmpty()) b.append('|');
            for (int i = 0; i < p.size(); i++) b.append(i == 0 ? "" : ",").append(p.get(i));
        }
        return b.toString();
    }

    int count() {
        return pages.size();
    }

    /** The page (from 1) a slot is on; 0 when the attempt has no such slot. */
    int pageOf(int slot) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(slot)) return i + 1;
        return 0;
    }

    /** Every slot in the order shown. */
    List<Integer> order() {
        return pages.stream().flatMap(List::stream).toList();
    }
}
