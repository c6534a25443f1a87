package dev.switchboard.core.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.internal.OllamaReader;

/**
 * Turns the NDJSON lines of Ollama's native {@code /api/chat} or {@code /api/generate} stream into
 * {@link ChatEvent}s. {@code thinking} becomes reasoning, as do {@code <think>} tags in content;
 * tool calls arrive complete; the last line ({@code done: true}) gives usage and the finish reason
 * ({@link dev.switchboard.core.FinishReason#TOOL_CALLS} when the turn called tools, since Ollama
 * says {@code stop} then). A line {@code {"error":"..."}} mid-stream is reported as a
 * {@link dev.switchboard.core.error.StreamInterruptedException} carrying the server's message.
 * Stateful, one per stream, not thread-safe.
 *
 * <p>Per line, in this order: reasoning, text, tool calls (each a {@link ChatEvent.ToolCallEvent}
 * at once, numbered from 0 across the stream; a call without an id gets {@code "call_" + number},
 * since servers before v0.12.10 send none), and on the {@code done} line {@link ChatEvent.Finish}
 * then {@link ChatEvent.UsageEvent} (from {@code prompt_eval_count}/{@code eval_count}), then a
 * {@link ChatEvent.ExtensionsEvent} with the line's other fields (the durations) and
 * {@code created_at}, as a non-streaming answer has them. Lines after
 * the {@code done} line are ignored. Source: {@code core/src/test/resources/reference/ollama-wire.md}
 * 2.1 and 7.2.
 */
public final class OllamaStreamDecoder {

    private final ThinkTagSplitter splitter = new ThinkTagSplitter();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final Consumer<ChatEvent> recorder = this::record;
    private Consumer<ChatEvent> out;
    private boolean done;
    private String model;

    /** A decoder at the start of a stream. */
    public OllamaStreamDecoder() {
    }

    /**
     * Decodes one line ({@code buf[off, off+len)}), passing 0 or more events to {@code out}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if it is not a line's shape; the
     *         decoder's state is unchanged
     * @throws StreamInterruptedException if the line is {@code {"error":"..."}}: its message and
     *         {@code providerMessage()} carry the server's message, {@code partial()} what arrived,
     *         and its cause is null
     */
    public void decode(byte[] buf, int off, int len, Consumer<ChatEvent> out) {
        if (done) {
            return;
        }
        OllamaReader.Parsed line = OllamaReader.parse(buf, off, len);
        if (line.error() != null) {
            throw new StreamInterruptedException("the server reported an error mid-stream: " + line.error(),
                    partial(), null, 0, line.error(), null);
        }
        if (model == null) {
            model = line.model();
        }
        this.out = out;
        try {
            if (line.thinking() != null && !line.thinking().isEmpty()) {
                record(new ChatEvent.ReasoningDelta(line.thinking()));
            }
            splitter.feed(line.content(), recorder);
            for (OllamaReader.RawToolCall raw : line.toolCalls()) {
                int index = toolCalls.size();
                ToolCall call = raw.toToolCall(index);
                toolCalls.add(call);
                out.accept(new ChatEvent.ToolCallEvent(index, call));
            }
            if (line.done()) {
                done = true;
                splitter.flush(recorder);
                out.accept(new ChatEvent.Finish(OllamaReader.finishReason(line.doneReason(), !toolCalls.isEmpty())));
                if (line.usage() != null) {
                    out.accept(new ChatEvent.UsageEvent(line.usage()));
                }
                Map<String, Object> extensions = new LinkedHashMap<>(line.extensions());
                if (line.createdAt() != null) {
                    extensions.put("created_at", line.createdAt());
                }
                if (!extensions.isEmpty()) {
                    out.accept(new ChatEvent.ExtensionsEvent(extensions));
                }
            }
        } finally {
            this.out = null;
        }
    }

    /** Whether the {@code done: true} line arrived: only then did the stream end well. */
    public boolean isDone() {
        return done;
    }

    /** The {@code model} of the first line that had one, or null. */
    public String model() {
        return model;
    }

    /** Everything decoded so far, for an interrupted stream. */
    public PartialResponse partial() {
        String held = splitter.held();
        String textSoFar = held.isEmpty() || splitter.inThink() ? text.toString() : text + held;
        String reasoningSoFar = held.isEmpty() || !splitter.inThink() ? reasoning.toString() : reasoning + held;
        return new PartialResponse(textSoFar, reasoningSoFar, toolCalls);
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
