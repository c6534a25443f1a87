package dev.switchboard.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a {@link ChatStream}, in the order the server sent the data.
 *
 * <p>Sealed, so a handler can test each kind; the set may grow in a later version, so keep an
 * {@code else} branch. A well-formed stream delivers any number of {@link TextDelta},
 * {@link ReasoningDelta} and {@link ToolCallEvent}, at most one {@link UsageEvent}, usually one
 * {@link ExtensionsEvent} near the end (llama.cpp with {@code n} above 1 sends one per choice) and
 * ends with exactly one {@link Finish} — except that usage and extensions may follow the finish,
 * since servers send them on the chunk or line that carries it, or on a later one (see
 * {@code core/src/test/resources/reference/llama-server-transcripts/06-chat-stream-usage.txt}).
 */
public sealed interface ChatEvent {

    /**
     * A piece of the answer text ({@code delta.content}).
     *
     * @param text the new text, never empty
     */
    record TextDelta(String text) implements ChatEvent {
        /** @throws NullPointerException if {@code text} is null */
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of the model's reasoning, separated from the answer: {@code delta.reasoning_content}
     * (llama.cpp, DeepSeek), {@code delta.reasoning} (Ollama {@code /v1}, vLLM), Ollama's native
     * {@code message.thinking}, or text inside {@code <think>…</think>} in {@code content}.
     *
     * @param text the new reasoning text, never empty
     */
    record ReasoningDelta(String text) implements ChatEvent {
        /** @throws NullPointerException if {@code text} is null */
        public ReasoningDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A complete tool call. On {@code /v1} a call's id, name and argument fragments arrive in
     * separate chunks keyed by {@code index}, and fragments of two calls may interleave; the
     * decoder merges them and emits every call once the turn finishes ({@code finish_reason}, or
     * the end marker), just before {@link Finish}. Natively (Ollama) calls arrive whole and are
     * emitted as they arrive.
     *
     * @param index    the call's position among this turn's tool calls, from 0
     * @param toolCall the merged call
     */
    record ToolCallEvent(int index, ToolCall toolCall) implements ChatEvent {
        /** @throws NullPointerException if {@code toolCall} is null */
        public ToolCallEvent {
            Objects.requireNonNull(toolCall, "toolCall");
        }
    }

    /**
     * Token counts for the whole call; on {@code /v1} only when the request asked for
     * {@code stream_options.include_usage}.
     *
     * @param usage the counts
     */
    record UsageEvent(Usage usage) implements ChatEvent {
        /** @throws NullPointerException if {@code usage} is null */
        public UsageEvent {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * Fields outside the OpenAI vocabulary that a stream carried, for the whole answer: llama.cpp's
     * {@code timings} (on the last chunk before {@code [DONE]}: the finish chunk, or the usage chunk
     * with {@code include_usage}; {@code llama-server-transcripts/06-chat-stream-usage.txt},
     * {@code 11-tools-required-stream.txt}) and Ollama's durations ({@code total_duration},
     * {@code load_duration}, {@code prompt_eval_duration}, {@code eval_duration}, in nanoseconds, and
     * {@code created_at}, on the {@code done:true} line; {@code ollama-wire.md} 7.2). The same keys
     * and values a non-streaming answer has in {@link ChatResponse#extensions()}; a stream's
     * {@link ChatStream#collect()} puts them there.
     *
     * @param extensions field name to parsed JSON value (maps, lists, strings, numbers, booleans); never empty
     */
    record ExtensionsEvent(Map<String, Object> extensions) implements ChatEvent {
        /** @throws IllegalArgumentException if {@code extensions} is null or empty */
        public ExtensionsEvent {
            if (extensions == null || extensions.isEmpty()) {
                throw new IllegalArgumentException("extensions must not be empty");
            }
            extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        }
    }

    /**
     * Generation ended: {@code finish_reason} on {@code /v1}, {@code done_reason} natively.
     *
     * @param reason why it ended
     */
    record Finish(FinishReason reason) implements ChatEvent {
        /** @throws NullPointerException if {@code reason} is null */
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
