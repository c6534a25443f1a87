package dev.switchboard.core;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a conversation's {@code messages}, as in OpenAI Chat Completions.
 *
 * <p>The family is sealed: {@link SystemMessage}, {@link UserMessage}, {@link AssistantMessage} and {@link ToolMessage}
 * map one-to-one onto the wire roles {@code system}, {@code user}, {@code assistant} and
 * {@code tool} (Ollama's native {@code /api/chat} uses the same role names).
 */
public sealed interface ChatMessage {

    /** The wire role: {@code "system"}, {@code "user"}, {@code "assistant"} or {@code "tool"}. */
    String role();

    /** Returns a system message; {@code content} must not be null. */
    static SystemMessage system(String content) {
        return new SystemMessage(content);
    }

    /** Returns a user message; {@code content} must not be null. */
    static UserMessage user(String content) {
        return new UserMessage(content);
    }

    /** Returns an assistant message with text only (no reasoning, no tool calls). */
    static AssistantMessage assistant(String content) {
        return new AssistantMessage(content, null, List.of());
    }

    /** Returns the tool result answering the tool call with id {@code toolCallId}. */
    static ToolMessage tool(String toolCallId, String content) {
        return new ToolMessage(toolCallId, content);
    }

    /** Instructions for the model; wire role {@code system}. */
    record SystemMessage(String content) implements ChatMessage {
        /** @throws NullPointerException if {@code content} is null */
        public SystemMessage {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "system";
        }
    }

    /** What the user said; wire role {@code user}. */
    record UserMessage(String content) implements ChatMessage {
        /** @throws NullPointerException if {@code content} is null */
        public UserMessage {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "user";
        }
    }

    /**
     * What the model said; wire role {@code assistant}.
     *
     * @param content   the answer text; may be null when the model only called tools
     *                  (OpenAI sends {@code "content": null} then)
     * @param reasoning the model's separated reasoning, or null; never sent back to a server
     *                  (servers expect reasoning to be dropped from the history)
     * @param toolCalls the tools the model asked for, in the order it asked; empty, never null
     */
    record AssistantMessage(String content, String reasoning, List<ToolCall> toolCalls) implements ChatMessage {
        /** Copies {@code toolCalls}; a null list becomes empty. */
        public AssistantMessage {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        @Override
        public String role() {
            return "assistant";
        }
    }

    /**
     * The result of running a tool; wire role {@code tool}.
     *
     * @param toolCallId the {@link ToolCall#id()} this answers; must not be null
     * @param content    the tool's output, usually JSON or plain text; must not be null
     */
    record ToolMessage(String toolCallId, String content) implements ChatMessage {
        /** @throws NullPointerException if either field is null */
        public ToolMessage {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String role() {
            return "tool";
        }
    }
}
