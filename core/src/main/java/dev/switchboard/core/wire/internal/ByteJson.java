package dev.switchboard.core.wire.internal;

import java.util.Arrays;

/**
 * A minimal JSON writer straight into a growing byte array, for request bodies on a stream's path:
 * no generator, no buffer recycler, little code, so a request is written quickly also when the
 * JIT-compiled code and its data have left the CPU caches between two calls.
 *
 * <p>It writes what Jackson writes with the wire layer's configuration ({@link Json}): no
 * whitespace; in strings {@code "} and <code>&#92;</code> escaped, control characters as {@code \b},
 * {@code \t}, {@code \n}, {@code \f}, {@code \r} or <code>&#92;u00XX</code> (upper-case hex), everything
 * else as raw UTF-8, a character outside the BMP (a surrogate pair) as its 4 bytes. A string
 * holding a lone surrogate is not written: {@link #unsupported()} turns true and the caller writes
 * the document with Jackson instead, which decides what becomes of it. The caller writes punctuation and field names, which must be
 * ASCII needing no escape. Not thread-safe; one per document.
 */
public final class ByteJson {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private byte[] buf;
    private int len;
    private boolean unsupported;

    /** A writer whose array starts at {@code capacity} bytes (at least 16). */
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

    /** Appends {@code s} as a JSON string, or {@code null}; see the class comment for lone surrogates. */
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
                    case '"': b[p++] = '"'; break;
                    case '\\': b[p++] = '\\'; break;
                    case '\b': b[p++] = 'b'; break;
                    case '\t': b[p++] = 't'; break;
                    case '\n': b[p++] = 'n'; break;
                    case '\f': b[p++] = 'f'; break;
                    case '\r': b[p++] = 'r'; break;
                    default:
                        b[p++] = 'u';
                        b[p++] = '0';
                        b[p++] = '0';
                        b[p++] = HEX[c >> 4];
                        b[p++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? s.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                    unsupported = true;
                    len = p;
                    return this;
                }
                int cp = Character.toCodePoint(c, low);
                i++;
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        len = p;
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    /** Appends a number as {@link Double#toString(double)}, as Jackson does; must be finite. */
    public ByteJson number(double d) {
        return raw(Double.toString(d));
    }

    /** Appends a whole number. */
    public ByteJson number(long n) {
        return raw(Long.toString(n));
    }

    /** Whether a string could not be written here (see the class comment); the bytes are then unusable. */
    public boolean unsupported() {
        return unsupported;
    }

    /** The bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
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
