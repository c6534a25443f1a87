package dev.switchboard.core.wire;

/** Writing server-sent events, as OpenAI-compatible servers frame them: {@code data: <json>\n\n}. */
public final class Sse {

    /** The end marker: {@code data: [DONE]\n\n}. */
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The end marker's data payload. */
    private static final byte[] DONE_PAYLOAD = {'[', 'D', 'O', 'N', 'E', ']'};

    private Sse() {
    }

    /** Returns {@code data: } + {@code json} + two newlines. */
    public static byte[] frame(byte[] json) {
        byte[] out = new byte[json.length + 8];
        out[0] = 'd';
        out[1] = 'a';
        out[2] = 't';
        out[3] = 'a';
        out[4] = ':';
        out[5] = ' ';
        System.arraycopy(json, 0, out, 6, json.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    /** Returns a copy of the {@code data: [DONE]} frame. */
    public static byte[] done() {
        return DONE.clone();
    }

    /**
     * Whether the data payload {@code buf[off, off+len)} is {@code [DONE]}, ignoring surrounding
     * whitespace; allocates nothing. For core's SSE stream decoders.
     */
    static boolean isDonePayload(byte[] buf, int off, int len) {
        int from = off;
        int to = off + len;
        while (from < to && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] <= ' ') {
            to--;
        }
        if (to - from != DONE_PAYLOAD.length) {
            return false;
        }
        for (int i = 0; i < DONE_PAYLOAD.length; i++) {
            if (buf[from + i] != DONE_PAYLOAD[i]) {
                return false;
            }
        }
        return true;
    }
}
