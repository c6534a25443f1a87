package dev.switchboard.core.wire;

import java.util.List;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.internal.CompletionCodec;

/**
 * Turns the data payloads of a {@code /v1/completions} SSE stream into {@link ChatEvent}s:
 * {@link ChatEvent.TextDelta} per non-empty {@code choices[0].text}, then {@link ChatEvent.Finish}
 * when a {@code finish_reason} arrives (or, failing that, at {@code [DONE]}:
 * {@link FinishReason#OTHER}), then one {@link ChatEvent.UsageEvent} at {@code [DONE]} if the server
 * sent usage. Stateful, one per stream, not thread-safe.
 *
 * <p>Usage is taken from a chunk with {@code choices:[]} (OpenAI; Ollama with
 * {@code include_usage}) or, failing that, from the chunk that carries the finish reason
 * (llama-server, {@code core/src/test/resources/reference/llama-server-transcripts/08-completions-stream.txt}).
 * Usage on other chunks is ignored: Ollama puts zeros on every chunk under {@code include_usage}
 * ({@code ollama-wire.md} section 4), which are not the answer's counts.
 */
public final class CompletionStreamDecoder {

    private final StringBuilder text = new StringBuilder();
    private boolean done;
    private boolean finished;
    private Usage usage;
    private boolean usageFromUsageChunk;
    private String id;
    private String model;

    /** A decoder at the start of a stream. */
    public CompletionStreamDecoder() {
    }

    /**
     * Decodes one SSE data payload ({@code buf[off, off+len)}), which may be {@code [DONE]}, passing
     * 0 or more events to {@code out}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if it is not a chunk; the
     *         decoder's state is unchanged
     * @throws StreamInterruptedException if the payload is an error frame: its
     *         {@link StreamInterruptedException#providerMessage()} carries the server's message,
     *         {@link StreamInterruptedException#partial()} the text before; its cause is null
     */
    public void decode(byte[] buf, int off, int len, Consumer<ChatEvent> out) {
        if (done) {
            return;
        }
        if (Sse.isDonePayload(buf, off, len)) {
            done = true;
            finish(FinishReason.OTHER, out);
            if (usage != null) {
                out.accept(new ChatEvent.UsageEvent(usage));
            }
            return;
        }
        CompletionCodec.Parsed parsed = CompletionCodec.readChunk(buf, off, len);
        if (parsed.chunk() == null) {
            String message = parsed.errorMessage() == null ? "(no message)" : parsed.errorMessage();
            throw new StreamInterruptedException("the server reported an error mid-stream: " + message, partial(),
                    null, parsed.errorStatus(), parsed.errorMessage(), null);
        }
        CompletionChunk c = parsed.chunk();
        if (id == null) {
            id = c.id();
        }
        if (model == null) {
            model = c.model();
        }
        if (!c.hasChoice()) {
            if (c.usage() != null) {
                usage = c.usage();
                usageFromUsageChunk = true;
            }
            return;
        }
        if (c.text() != null && !c.text().isEmpty() && !finished) {
            text.append(c.text());
            out.accept(new ChatEvent.TextDelta(c.text()));
        }
        if (c.finishReason() != null) {
            if (c.usage() != null && !usageFromUsageChunk) {
                usage = c.usage();
            }
            finish(FinishReason.fromWire(c.finishReason()), out);
        }
    }

    /** Whether {@code [DONE]} arrived: only then did the stream end well. */
    public boolean isDone() {
        return done;
    }

    /** The {@code id} of the first chunk that had one, or null. */
    public String id() {
        return id;
    }

    /** The {@code model} of the first chunk that had one, or null. */
    public String model() {
        return model;
    }

    /** The text decoded so far, for an interrupted stream. */
    public PartialResponse partial() {
        return new PartialResponse(text.toString(), "", List.of());
    }

    private void finish(FinishReason reason, Consumer<ChatEvent> out) {
        if (finished) {
            return;
        }
        finished = true;
        out.accept(new ChatEvent.Finish(reason));
    }
}
