package dev.switchboard.core.wire;

/** Writing server-sent events, as OpenAI-compatible servers frame them: {@code data: <json>\n\n}. */
public final class Sse {

    /** The end marker: {@code data: [DONE]\n\n}. */
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
}
