package eu.somep.core.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void argon2id_hashes_verify_only_the_right_password_and_are_salted() {
        String h = PasswordHasher.hash("correct horse");
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
        assertTrue(PasswordHasher.verify("correct horse", h));
        assertFalse(PasswordHasher.verify("correct hors", h));
        assertNotEquals(h, PasswordHasher.hash("correct horse"));
        assertFalse(PasswordHasher.verify("x", "not a hash"));
    }
}
