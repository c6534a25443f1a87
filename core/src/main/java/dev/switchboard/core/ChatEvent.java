package dev.switchboard.core;

import java.util.Objects;

/**
 * One event of a {@link ChatStream}, in the order the server sent the data.
 *
 * <p>Sealed, so a handler can test each kind; the set may grow in a later version, so keep an
 * {@code else} branch. A well-formed stream delivers any number of {@link TextDelta},
 * {@link ReasoningDelta} and {@link ToolCallEvent}, at most one {@link UsageEvent} and ends with
 * exactly one {@link Finish} — except that usage may follow the finish, since servers send it on
 * a chunk after the one carrying {@code finish_reason} (see
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
