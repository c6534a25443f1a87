package dev.switchboard.server.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The random ids the server writes, in llama-server's shapes (recorded in
 * {@code core/src/test/resources/reference/llama-server-transcripts/}): a completion's
 * {@code chatcmpl-} followed by 32 letters and digits, and a tool call's 32 letters and digits.
 * Ids name a response; they are not secrets, so a fast non-cryptographic random suffices.
 */
public final class Ids {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /** {@code chatcmpl-} and 32 random letters and digits: a completion's {@code id}. */
    public static String chatCompletionId() {
        return "chatcmpl-" + alphanumeric(32);
    }

    /**
     * {@code length} random characters from {@code A-Z a-z 0-9}.
     *
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static String alphanumeric(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return b.toString();
    }
}
