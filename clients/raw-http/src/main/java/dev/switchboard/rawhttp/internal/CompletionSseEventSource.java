package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.wire.CompletionStreamDecoder;
import dev.switchboard.core.wire.SseReader;

/**
 * A {@code /v1/completions} stream: server-sent events read by core's {@link SseReader}, decoded by
 * {@link CompletionStreamDecoder}; ends at {@code data: [DONE]}.
 */
public final class CompletionSseEventSource extends HttpEventSource {

    private final SseReader reader;
    private final CompletionStreamDecoder decoder = new CompletionStreamDecoder();

    /** A source to {@link #open} with a 2xx {@code text/event-stream} response. */
    public CompletionSseEventSource(HttpTransport transport) {
        super(transport);
        this.reader = new SseReader(body());
    }

    @Override
    protected byte[] readFrame() throws IOException {
        return reader.nextData();
    }

    @Override
    protected void decode(byte[] frame, Consumer<ChatEvent> out) {
        decoder.decode(frame, 0, frame.length, out);
    }

    @Override
    protected boolean isDone() {
        return decoder.isDone();
    }

    @Override
    protected PartialResponse partial() {
        return decoder.partial();
    }

    @Override
    protected String endMarker() {
        return "data: [DONE]";
    }
}
