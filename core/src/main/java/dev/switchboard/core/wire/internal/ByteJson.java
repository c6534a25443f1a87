package dev.switchboard.core.wire.internal;

import java.util.Arrays;

/**
 * A minimal JSON writer straight into a growing byte array, for the request body on a stream's
 * path: no generator, no buffer recycler, little code, so a request is written quickly also when
 * the JIT-compiled code and its data have left the CPU caches since the last call (measured
 * 2026-12-02 between other readers' streams, {@code clients/raw-http/README.md}: 4–7 µs for a
 * short request where Jackson's generator took 20–29 µs).
 *
 * <p>It writes the bytes Jackson writes with the wire layer's configuration ({@link Json}), which
 * {@code ByteJsonTest} checks on random text: no whitespace; in strings {@code "} and
 * <code>&#92;</code> escaped, the control characters U+0000–U+001F as {@code \b}, {@code \t},
 * {@code \n}, {@code \f}, {@code \r} or <code>&#92;u00XX</code> (upper-case hex), a surrogate pair
 * as the 4 UTF-8 bytes of its character, a lone surrogate as <code>&#92;uXXXX</code>, everything
 * else as raw UTF-8 (U+007F and U+2028 included, as Jackson); numbers as {@link Long#toString} and
 * {@link Double#toString}. The caller writes punctuation and field names with {@link #raw}, which
 * must be ASCII needing no escape. Not thread-safe; one per document.
 */
public final class ByteJson {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private byte[] buf;
    private int len;

    /** A writer whose array starts at {@code capacity} bytes (at least 16) and grows as needed. */
    public ByteJson(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Appends ASCII text as it is: punctuation, a quoted field name and its colon. */
    public ByteJson raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Appends one ASCII character. */
    public ByteJson raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends {@code s} as a JSON string, or {@code null} when it is null; see the class comment. */
    public ByteJson string(String s) {
        if (s == null) {
            return raw("null");
        }
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (p == b.length) {
                    len = p;
                    b = grow(1 + n - i);
                }
                b[p++] = (byte) c;
                continue;
            }
            if (b.length - p < 6) {
                len = p;
                b = grow(6 + 3 * (n - i));
            }
            if (c < 0x80) {
                b[p++] = '\\';
                switch (c) {
                    case '"' -> b[p++] = '"';
                    case '\\' -> b[p++] = '\\';
                    case '\b' -> b[p++] = 'b';
                    case '\t' -> b[p++] = 't';
                    case '\n' -> b[p++] = 'n';
                    case '\f' -> b[p++] = 'f';
                    case '\r' -> b[p++] = 'r';
                    default -> p = hexEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = '\\';
                p = hexEscape(b, p, c); // a lone surrogate: not a character, so not UTF-8 either
            }
        }
        len = p;
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    /** Appends a whole number. */
    public ByteJson number(long n) {
        return raw(Long.toString(n));
    }

    /**
     * Appends a number as {@link Double#toString(double)}, as Jackson does.
     *
     * @throws IllegalArgumentException if it is NaN or infinite (Jackson writes those as strings;
     *                                  the caller leaves such a document to Jackson)
     */
    public ByteJson number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a JSON number: " + d);
        }
        return raw(Double.toString(d));
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Writes {@code uXXXX} (the backslash already written) at {@code p}; returns the new position. */
    private static int hexEscape(byte[] b, int p, char c) {
        b[p++] = 'u';
        b[p++] = HEX[c >> 12];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void ensure(int n) {
        if (buf.length - len < n) {
            grow(n);
        }
    }

    private byte[] grow(int n) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        return buf;
    }
}
