package dev.switchboard.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.vertx.core.http.HttpServerRequest;

/**
 * The API keys a server accepts, kept only as SHA-256 digests. A request carries its key as
 * {@code Authorization: Bearer KEY} (OpenAI's header; the scheme in any case) or
 * {@code x-api-key: KEY} (Anthropic's and many gateways'). The key sent is digested and compared
 * with every accepted digest by {@link MessageDigest#isEqual} (constant time over fixed-length
 * digests), all of them every time, so neither the length of a key nor which one matched shows in
 * the time taken. Nothing here logs or returns a key.
 */
public final class ApiKeys {

    private static final ApiKeys NONE = new ApiKeys(new byte[0][]);
    private static final String BEARER = "bearer ";

    private final byte[][] digests;

    private ApiKeys(byte[][] digests) {
        this.digests = digests;
    }

    /**
     * The keys in {@code keys} (duplicates allowed); none means no key is required.
     *
     * @throws IllegalArgumentException if a key is empty or has a character outside visible ASCII
     *                                  (no HTTP header could carry it); the message never names it
     * @throws NullPointerException     if {@code keys} or one of them is null
     */
    public static ApiKeys of(Collection<String> keys) {
        if (keys.isEmpty()) {
            return NONE;
        }
        List<byte[]> digests = new ArrayList<>(keys.size());
        int position = 0;
        for (String key : keys) {
            position++;
            if (key.isEmpty() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("API key " + position + " of " + keys.size()
                        + " is empty or holds a space, control or non-ASCII character");
            }
            digests.add(sha256(key));
        }
        return new ApiKeys(digests.toArray(new byte[0][]));
    }

    /** Whether any key is required. */
    public boolean required() {
        return digests.length > 0;
    }

    /** How many keys are accepted. */
    public int count() {
        return digests.length;
    }

    /** Whether {@code request} carries one of the keys, in either header; true when none is required. */
    public boolean accepts(HttpServerRequest request) {
        if (!required()) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && matches(authorization.substring(BEARER.length()).trim())) {
            return true;
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey != null && matches(apiKey.trim());
    }

    /** Whether {@code sent} is one of the keys: its digest against every accepted digest, no early exit. */
    boolean matches(String sent) {
        byte[] digest = sha256(sent);
        boolean found = false;
        for (byte[] accepted : digests) {
            found |= MessageDigest.isEqual(digest, accepted);
        }
        return found;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "ApiKeys[" + digests.length + "]";
    }
}
