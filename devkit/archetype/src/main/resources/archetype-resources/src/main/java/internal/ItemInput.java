package ${package}.internal;

import java.util.ArrayList;
import java.util.List;

/** What a form or a JSON body asks to save, trimmed, with the message keys of its problems. */
public record ItemInput(String title, String text) {
    public ItemInput {
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text.strip();
    }

    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (title.isEmpty() || title.length() > 200) p.add("${component}.error.title");
        if (text.isEmpty() || text.length() > 4000) p.add("${component}.error.text");
        return p;
    }
}
