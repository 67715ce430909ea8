package eu.somep.forum.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-click unsubscribe link in a forum mail: {@code user.forum.discussion.hmac} (discussion 0: the whole
 * forum), signed with HMAC-SHA256 under the forum's own key, so it works without signing in and cannot be made
 * for anyone else or any other forum.
 */
public record UnsubscribeToken(long userId, long forumId, long discussionId) {

    public String sign(byte[] key) {
        String payload = userId + "." + forumId + "." + discussionId;
        return payload + "." + HexFormat.of().formatHex(mac(key, payload));
    }

    public static Optional<UnsubscribeToken> verify(String token, byte[] key) {
        if (token == null || token.length() > 200 || !token.matches("\\d{1,18}\\.\\d{1,18}\\.\\d{1,18}\\.[0-9a-f]{64}")) return Optional.empty();
        int cut = token.lastIndexOf('.');
        String payload = token.substring(0, cut);
        byte[] given = HexFormat.of().parseHex(token.substring(cut + 1));
        if (!MessageDigest.isEqual(given, mac(key, payload))) return Optional.empty();
        String[] p = payload.split("\\.");
        return Optional.of(new UnsubscribeToken(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])));
    }

    private static byte[] mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("forum-unsubscribe:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
