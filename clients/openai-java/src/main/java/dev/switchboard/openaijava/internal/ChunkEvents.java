package dev.switchboard.openaijava.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletionChunk;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.wire.ThinkTagSplitter;

/**
 * Turns the SDK's parsed {@link ChatCompletionChunk}s into core's {@link ChatEvent}s, and keeps
 * what arrived for a {@link PartialResponse}. Not thread-safe.
 *
 * <ul>
 *   <li>{@code delta.content} → {@link ChatEvent.TextDelta}, with {@code <think>…</think>} split off
 *       as reasoning by core's {@link ThinkTagSplitter} (tags may be split across chunks);</li>
 *   <li>{@code delta.reasoning_content} / {@code delta.reasoning}, which the SDK keeps among the
 *       delta's additional properties → {@link ChatEvent.ReasoningDelta};</li>
 *   <li>{@code delta.tool_calls} fragments merged by {@code index} (id and name in the first
 *       fragment, arguments in several; {@code core/src/test/resources/reference/llama-server-transcripts/35-forced-tool-call-stream.txt})
 *       and emitted whole, in index order, just before {@link ChatEvent.Finish};</li>
 *   <li>{@code finish_reason} → {@link ChatEvent.Finish}; {@code usage} → {@link ChatEvent.UsageEvent};
 *       llama.cpp's top-level {@code timings}, among the chunk's additional properties →
 *       {@link ChatEvent.ExtensionsEvent} ({@code llama-server-transcripts/06-chat-stream-usage.txt}).
 *       Other unknown fields (OpenAI's per-chunk {@code obfuscation}) are not kept.</li>
 * </ul>
 * Only choice 0 is read ({@code n > 1} streams carry others).
 */
public final class ChunkEvents implements SdkEventSource.Decoder<ChatCompletionChunk> {

    private final ThinkTagSplitter splitter = new ThinkTagSplitter();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final Map<Long, PendingCall> calls = new TreeMap<>();
    private final List<ToolCall> emittedCalls = new ArrayList<>();
    private boolean finished;

    /** Decodes one chunk, passing its events to {@code out} in order. */
    @Override
    public void decode(ChatCompletionChunk chunk, Consumer<ChatEvent> out) {
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            if (choice._index().asKnown().orElse(0L) != 0) {
                continue; // n > 1: only the first choice (a missing index counts as 0)
            }
            ChatCompletionChunk.Choice.Delta delta = choice.delta();
            String thought = SdkResponses.reasoning(delta._additionalProperties());
            if (thought != null) {
                reasoning.append(thought);
                out.accept(new ChatEvent.ReasoningDelta(thought));
            }
            String content = delta.content().orElse(null);
            if (content != null && !content.isEmpty()) {
                if (splitter.isPlain() && content.indexOf('<') < 0) {
                    text.append(content); // the common case, without the splitter's callback
                    out.accept(new ChatEvent.TextDelta(content));
                } else {
                    splitter.feed(content, event -> emit(event, out));
                }
            }
            List<ChatCompletionChunk.Choice.Delta.ToolCall> fragments = delta.toolCalls().orElse(List.of());
            for (int i = 0; i < fragments.size(); i++) {
                merge(fragments.get(i), i);
            }
            FinishReason reason = SdkResponses.finishReason(choice._finishReason());
            if (reason != null && !finished) {
                finish(reason, out);
            }
        }
        chunk.usage().ifPresent(usage -> out.accept(new ChatEvent.UsageEvent(SdkResponses.usage(usage))));
        JsonValue timings = chunk._additionalProperties().get("timings");
        if (timings != null) {
            Map<String, Object> extensions = SdkResponses.extensions(Map.of("timings", timings));
            if (!extensions.isEmpty()) {
                out.accept(new ChatEvent.ExtensionsEvent(extensions));
            }
        }
    }

    /**
     * Called at the end marker: if no {@code finish_reason} came, emits what is held back and a
     * {@link ChatEvent.Finish} ({@code tool_calls} when calls arrived, else {@code stop}).
     */
    @Override
    public void end(Consumer<ChatEvent> out) {
        if (!finished) {
            finish(calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS, out);
        }
    }

    /** What arrived so far: text, reasoning, and every tool call, complete or cut. */
    @Override
    public PartialResponse partial() {
        List<ToolCall> toolCalls = new ArrayList<>(emittedCalls);
        calls.forEach((index, call) -> toolCalls.add(call.toToolCall(index)));
        return new PartialResponse(text.toString() + splitterHeldText(), reasoning.toString(), toolCalls);
    }

    private String splitterHeldText() {
        return splitter.inThink() ? "" : splitter.held();
    }

    private void finish(FinishReason reason, Consumer<ChatEvent> out) {
        finished = true;
        splitter.flush(event -> emit(event, out));
        calls.forEach((index, call) -> {
            ToolCall toolCall = call.toToolCall(index);
            emittedCalls.add(toolCall);
            out.accept(new ChatEvent.ToolCallEvent(index.intValue(), toolCall));
        });
        calls.clear();
        out.accept(new ChatEvent.Finish(reason));
    }

    private void emit(ChatEvent event, Consumer<ChatEvent> out) {
        if (event instanceof ChatEvent.TextDelta t) {
            text.append(t.text());
        } else if (event instanceof ChatEvent.ReasoningDelta r) {
            reasoning.append(r.text());
        }
        out.accept(event);
    }

    /** Adds a fragment to its call: by {@code index}, else (a server that sends whole calls without one) by position. */
    private void merge(ChatCompletionChunk.Choice.Delta.ToolCall fragment, int position) {
        long index = fragment._index().asKnown().orElse((long) position);
        PendingCall call = calls.computeIfAbsent(index, key -> new PendingCall());
        fragment.id().ifPresent(id -> call.id = id);
        fragment.function().ifPresent(function -> {
            function.name().ifPresent(name -> call.name = name);
            function.arguments().ifPresent(call.arguments::append);
        });
    }

    /** A tool call whose fragments are still arriving. */
    private static final class PendingCall {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        ToolCall toToolCall(long index) {
            return new ToolCall(id != null ? id : "call_" + index, name != null ? name : "", arguments.toString());
        }
    }
}
