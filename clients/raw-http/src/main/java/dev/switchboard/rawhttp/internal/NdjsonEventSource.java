package dev.switchboard.rawhttp.internal;

import java.io.IOException;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.wire.NdjsonReader;
import dev.switchboard.core.wire.OllamaStreamDecoder;

/**
 * An Ollama {@code /api/chat} or {@code /api/generate} stream: NDJSON lines read by core's
 * {@link NdjsonReader}, decoded by {@link OllamaStreamDecoder}; ends at the {@code "done": true}
 * line ({@code core/src/test/resources/reference/ollama-wire.md} section 7.2; lines as in section 1).
 */
public final class NdjsonEventSource extends HttpEventSource {

    private final NdjsonReader reader;
    private final OllamaStreamDecoder decoder = new OllamaStreamDecoder();

    /** A source to {@link #open} with a 2xx {@code application/x-ndjson} response. */
    public NdjsonEventSource(HttpTransport transport) {
        super(transport);
        this.reader = new NdjsonReader(body());
    }

    @Override
    protected byte[] readFrame() throws IOException {
        return reader.nextLine();
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
        return "the \"done\": true line";
    }
}
