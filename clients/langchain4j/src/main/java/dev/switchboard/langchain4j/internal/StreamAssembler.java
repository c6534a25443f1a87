package dev.switchboard.langchain4j.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.switchboard.core.ChatAccumulator;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * The reader's side of a stream: turns the items LangChain4j's callbacks handed over (text, reasoning
 * events, tool-call fragments and whole calls, the end or the failure) into core's {@link ChatEvent}s,
 * and keeps what was delivered so a failure can carry the partial answer.
 *
 * <ul>
 *   <li>{@code <think>} tags inside the text (which LangChain4j leaves in the text) are split off with
 *       core's {@link ThinkTagSplitter}; {@code reasoning_content} / {@code reasoning} / Ollama's
 *       {@code thinking} arrive as {@link ChatEvent.ReasoningDelta}s already.</li>
 *   <li>A failure becomes core's typed exception ({@link Failures}): before the answer began the
 *       status error itself, after it a {@link StreamInterruptedException} with the text, reasoning and
 *       tool calls so far (a tool call cut mid-way counts with the arguments received).</li>
 * </ul>
 * Not thread-safe: the reading thread only.
 */
final class StreamAssembler {

    /** The item for {@code onCompleteResponse}. */
    record Completed(ChatResponse response) {
    }

    /** The item for {@code onError}: the error, the payload being handled, whether the answer had begun. */
    record Failed(Throwable error, String payload, boolean began) {
    }

    private final Duration idleTimeout;
    private final ArrayDeque<ChatEvent> ready = new ArrayDeque<>();
    private final Consumer<ChatEvent> toReady = ready::add; // one instance, not one per item
    private final ChatAccumulator delivered = new ChatAccumulator();
    private final ThinkTagSplitter thinkTags = new ThinkTagSplitter();
    private final Map<Integer, ToolCallFragments> fragments = new TreeMap<>();
    private LlmException failure;
    private boolean finished;

    /** @param idleTimeout the stream's read timeout, named in the errors it makes */
    StreamAssembler(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** The next event ready to deliver, counted as delivered; null if none. */
    ChatEvent next() {
        ChatEvent event = ready.poll();
        if (event != null) {
            delivered.accept(event);
        }
        return event;
    }

    /** The failure to throw once every event before it was delivered, once; null if none. */
    LlmException takeFailure() {
        LlmException thrown = failure;
        failure = null;
        return thrown;
    }

    /** Whether the end (or a failure) was handled: nothing more to take from the hand-off. */
    boolean finished() {
        return finished;
    }

    /** Marks the stream ended: closed by the reader, or cut off. */
    void finish() {
        finished = true;
    }

    /** Handles the items of one batch, in order, until the end. */
    void handleAll(List<Object> batch) {
        for (int i = 0; i < batch.size() && !finished; i++) {
            handle(batch.get(i));
        }
    }

    private void handle(Object item) {
        if (item instanceof String text) {
            thinkTags.feed(text, toReady);
        } else if (item instanceof ChatEvent event) {
            ready.add(event);
        } else if (item instanceof PartialToolCall part) {
            fragments.computeIfAbsent(part.index(), i -> new ToolCallFragments()).add(part);
        } else if (item instanceof CompleteToolCall call) {
            fragments.remove(call.index());
            ready.add(new ChatEvent.ToolCallEvent(call.index(), Conversions.toolCall(call.index(),
                    call.toolExecutionRequest())));
        } else if (item instanceof Completed completed) {
            thinkTags.flush(toReady);
            Conversions.finishAndUsage(completed.response(), hasToolCalls(), toReady);
            finished = true;
        } else if (item instanceof Failed failed) {
            thinkTags.flush(toReady);
            finished = true;
            failure = failed.began()
                    ? Failures.interrupted(failed.error(), failed.payload(), idleTimeout, partialIncluding(ready))
                    : Failures.map(failed.error(), failed.payload(), idleTimeout);
        }
    }

    private boolean hasToolCalls() {
        if (!delivered.partial().toolCalls().isEmpty()) {
            return true;
        }
        for (ChatEvent e : ready) {
            if (e instanceof ChatEvent.ToolCallEvent) {
                return true;
            }
        }
        return false;
    }

    /** What was delivered so far, then tool calls cut mid-way. */
    PartialResponse partial() {
        return partialIncluding(List.of());
    }

    /** What arrived so far: delivered events, then {@code pending} ones, then tool calls cut mid-way. */
    private PartialResponse partialIncluding(Iterable<ChatEvent> pending) {
        ChatAccumulator all = new ChatAccumulator();
        PartialResponse sofar = delivered.partial();
        if (!sofar.reasoning().isEmpty()) {
            all.accept(new ChatEvent.ReasoningDelta(sofar.reasoning()));
        }
        if (!sofar.text().isEmpty()) {
            all.accept(new ChatEvent.TextDelta(sofar.text()));
        }
        int index = 0;
        for (ToolCall call : sofar.toolCalls()) {
            all.accept(new ChatEvent.ToolCallEvent(index++, call));
        }
        pending.forEach(all::accept);
        fragments.forEach((i, f) -> all.accept(new ChatEvent.ToolCallEvent(i, f.toToolCall(i))));
        return all.partial();
    }

    /** The fragments of one tool call received so far (id and name in the first, arguments in many). */
    private static final class ToolCallFragments {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(PartialToolCall part) {
            if (part.id() != null && !part.id().isBlank()) {
                id = part.id();
            }
            if (part.name() != null && !part.name().isBlank()) {
                name = part.name();
            }
            if (part.partialArguments() != null) {
                arguments.append(part.partialArguments());
            }
        }

        ToolCall toToolCall(int index) {
            return new ToolCall(id == null ? "call_" + index : id, name == null ? "" : name, arguments.toString());
        }
    }
}
