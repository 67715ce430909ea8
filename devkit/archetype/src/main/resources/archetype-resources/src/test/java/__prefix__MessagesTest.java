package ${package};

import eu.somep.testkit.MessageKeys;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every message in English, Turkish and German; every key the code and templates name exists. */
class ${prefix}MessagesTest {
    @Test
    void turkish_and_german_have_exactly_the_english_keys_and_every_key_used_exists() throws IOException {
        MessageKeys.assertComplete("${component}");
    }
}
