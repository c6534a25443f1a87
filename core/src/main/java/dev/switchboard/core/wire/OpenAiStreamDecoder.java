package dev.switchboard.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.internal.ChunkReader;
import dev.switchboard.core.wire.internal.ToolCallMerger;

/**
 * Turns the data payloads of a {@code /v1} SSE stream into {@link ChatEvent}s: the one decoder all
 * byte-level clients share. Stateful, one per stream, not thread-safe.
 *
 * <p>What it handles, each recorded in {@code core/src/test/resources/reference/}: reasoning as
 * {@code reasoning_content}, {@code reasoning} or {@code <think>…</think>} inside {@code content}
 * (tags split across chunks included, via {@link ThinkTagSplitter}); tool-call fragments merged by
 * {@code index} and emitted complete; {@code finish_reason} on its own chunk or on the last content
 * chunk; usage on the last chunk or an extra one with empty {@code choices}; {@code [DONE]}.
 *
 * <p>Order of events: deltas as they arrive; then, when {@code finish_reason} arrives (or, failing
 * that, {@code [DONE]}), every tool call not yet emitted (by ascending {@code index}, each with the
 * fragments merged; a call without an id gets {@code "call_" + index}, one without a name
 * {@code ""}), then {@link ChatEvent.Finish}. {@link ChatEvent.UsageEvent} is emitted where the
 * usage arrives: after the finish on the same chunk (llama.cpp) or on a later chunk with empty
 * {@code choices} ({@code llama-server-transcripts/06-chat-stream-usage.txt}, OpenAI, Ollama).
 * llama.cpp's {@code timings} become a {@link ChatEvent.ExtensionsEvent} after the chunk's other
 * events ({@code llama-server-transcripts/11-tools-required-stream.txt}, {@code 35-…}).
 * {@code [DONE]} without any {@code finish_reason} gives {@code Finish(OTHER)}; events after
 * {@code [DONE]} are ignored; only the first {@code finish_reason} counts.
 *
 * <p>Speed: chunks are read with Jackson's streaming parser straight from the payload bytes into
 * reused fields; a chunk carrying only {@code delta.content} costs the parse plus one
 * {@link ChatEvent.TextDelta} (and its string).
 */
public final class OpenAiStreamDecoder {

    private final ChunkReader chunk = new ChunkReader();
    private final ThinkTagSplitter splitter = new ThinkTagSplitter();
    /** Made at the first tool-call fragment: most streams have none. */
    private ToolCallMerger toolCalls;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final Consumer<ChatEvent> recorder = this::record;
    private Consumer<ChatEvent> out;
    private boolean done;
    private boolean finished;
    private String id;
    private String model;

    /** A decoder at the start of a stream. */
    public OpenAiStreamDecoder() {
    }

    /**
     * Decodes one SSE data payload ({@code buf[off, off+len)}), which may be {@code [DONE]}, passing
     * 0 or more events to {@code out}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if it is not a chunk; the
     *         decoder's state is unchanged, so {@link #partial()} still holds what arrived
     * @throws StreamInterruptedException if the payload is an error frame
     *         ({@code {"error":{...}}} or {@code {"error":"..."}}, as llama.cpp sends mid-stream):
     *         its message and {@link StreamInterruptedException#providerMessage()} carry the
     *         server's message, {@link StreamInterruptedException#partial()} what arrived before,
     *         and its cause is null
     */
    public void decode(byte[] buf, int off, int len, Consumer<ChatEvent> out) {
        if (done) {
            return;
        }
        if (Sse.isDonePayload(buf, off, len)) {
            this.out = out;
            try {
                splitter.flush(recorder);
                finish(FinishReason.OTHER);
            } finally {
                this.out = null;
            }
            done = true;
            return;
        }
        ChunkReader c = chunk;
        c.read(buf, off, len); // throws before any state changes
        if (c.hasError) {
            String message = c.errorMessage == null ? "(no message)" : c.errorMessage;
            throw new StreamInterruptedException("the server reported an error mid-stream: " + message, partial(),
                    null, c.errorStatus, c.errorMessage, c.errorCode);
        }
        if (id == null) {
            id = c.id;
        }
        if (model == null) {
            model = c.model;
        }
        c.readHeader = id == null || model == null;
        String content = c.content;
        if (content != null && c.reasoningContent == null && c.reasoning == null && c.toolCalls.isEmpty()
                && c.finishReason == null && c.usage == null && c.extensions == null && splitter.isPlain()
                && content.indexOf('<') < 0) {
            if (!content.isEmpty()) { // the fast path: a chunk with only delta.content, plain text
                text.append(content);
                out.accept(new ChatEvent.TextDelta(content));
            }
            return;
        }
        this.out = out;
        try {
            if (c.reasoningContent != null && !c.reasoningContent.isEmpty()) {
                record(new ChatEvent.ReasoningDelta(c.reasoningContent));
            }
            if (c.reasoning != null && !c.reasoning.isEmpty()) {
                record(new ChatEvent.ReasoningDelta(c.reasoning));
            }
            if (c.content != null && !c.content.isEmpty()) {
                splitter.feed(c.content, recorder);
            }
            if (!c.toolCalls.isEmpty()) {
                if (toolCalls == null) {
                    toolCalls = new ToolCallMerger();
                }
                toolCalls.add(c.toolCalls);
            }
            if (c.finishReason != null) {
                splitter.flush(recorder);
                finish(FinishReason.fromWire(c.finishReason));
            }
            if (c.usage != null) {
                out.accept(new ChatEvent.UsageEvent(c.usage));
            }
            if (c.extensions != null) {
                out.accept(new ChatEvent.ExtensionsEvent(c.extensions));
            }
        } finally {
            this.out = null;
        }
    }

    /** Whether {@code [DONE]} arrived: only then did the stream end well. */
    public boolean isDone() {
        return done;
    }

    /** Whether a {@code finish_reason} (or {@code [DONE]}) produced the {@link ChatEvent.Finish}. */
    public boolean isFinished() {
        return finished;
    }

    /** The {@code id} of the first chunk that had one, or null. */
    public String id() {
        return id;
    }

    /** The {@code model} of the first chunk that had one, or null. */
    public String model() {
        return model;
    }

    /** Everything decoded so far, including tool calls not yet complete, for an interrupted stream. */
    public PartialResponse partial() {
        String held = splitter.held();
        StringBuilder t = text;
        StringBuilder r = reasoning;
        String textSoFar = held.isEmpty() || splitter.inThink() ? t.toString() : t + held;
        String reasoningSoFar = held.isEmpty() || !splitter.inThink() ? r.toString() : r + held;
        List<ToolCall> calls = new ArrayList<>();
        if (toolCalls != null) {
            calls.addAll(toolCalls.emitted());
            calls.addAll(toolCalls.pending());
        }
        return new PartialResponse(textSoFar, reasoningSoFar, calls);
    }

    private void finish(FinishReason reason) {
        if (finished) {
            return;
        }
        finished = true;
        if (toolCalls != null) {
            toolCalls.emitPending(out);
        }
        out.accept(new ChatEvent.Finish(reason));
    }

    private void record(ChatEvent event) {
        if (event instanceof ChatEvent.TextDelta) {
            text.append(((ChatEvent.TextDelta) event).text());
        } else if (event instanceof ChatEvent.ReasoningDelta) {
            reasoning.append(((ChatEvent.ReasoningDelta) event).text());
        }
        out.accept(event);
    }
}
