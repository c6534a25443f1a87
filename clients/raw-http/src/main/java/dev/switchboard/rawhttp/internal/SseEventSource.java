package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.wire.OpenAiStreamDecoder;
import dev.switchboard.core.wire.SseReader;

/**
 * A {@code /v1/chat/completions} stream: server-sent events read by core's {@link SseReader},
 * decoded by {@link OpenAiStreamDecoder}; ends at {@code data: [DONE]}.
 */
public final class SseEventSource extends HttpEventSource {

    private final SseReader reader;
    private final OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();

    /** A source to {@link #open} with a 2xx {@code text/event-stream} response. */
    public SseEventSource(HttpTransport transport) {
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
