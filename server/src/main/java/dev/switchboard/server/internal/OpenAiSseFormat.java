package dev.switchboard.server.internal;

import java.nio.charset.StandardCharsets;

import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.Sse;

/**
 * What {@code /v1/chat/completions} ({@link OpenAiFormat}) and {@code /v1/completions}
 * ({@link CompletionFormat}) streams share: server-sent events ending at {@code data: [DONE]},
 * errors in the OpenAI error shape as llama-server sends them mid-stream.
 */
public abstract class OpenAiSseFormat implements ChatFormat {

    private static final byte[] MALFORMED = "data: {not json\n\n".getBytes(StandardCharsets.US_ASCII);

    /** For the two OpenAI formats only. */
    OpenAiSseFormat() {
    }

    /** {@code text/event-stream}. */
    @Override
    public final String streamContentType() {
        return "text/event-stream";
    }

    /** {@code data: [DONE]}. */
    @Override
    public final byte[] endMarker() {
        return Sse.done();
    }

    /** A data frame whose JSON is cut off, which no client can parse. */
    @Override
    public final byte[] malformedFrame() {
        return MALFORMED.clone();
    }

    /** An SSE frame holding {@code {"error":{...}}} in the OpenAI shape. */
    @Override
    public final byte[] errorFrame(int status, String message) {
        return Sse.frame(OpenAiWire.writeError(status, message, null));
    }
}
