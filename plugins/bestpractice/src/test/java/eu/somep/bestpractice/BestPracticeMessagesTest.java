package eu.somep.bestpractice;

import eu.somep.testkit.MessageKeys;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The plugin ships every message in English, Turkish and German; every key its code and templates name exists. */
class BestPracticeMessagesTest {
    @Test
    void turkish_and_german_have_exactly_the_english_keys_and_every_key_used_exists() throws IOException {
        MessageKeys.assertComplete("bestpractice");
    }
}
