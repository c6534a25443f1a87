package dev.switchboard.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete answer: {@code choices[0]} of a Chat Completions response, or an Ollama
 * {@code /api/chat} response with {@code done: true}.
 *
 * @param id           the completion id ({@code chatcmpl-...}), or null where the server sends none
 *                     (Ollama's native API)
 * @param model        the model that answered, as the server named it; may be null
 * @param message      the assistant message: text, separated reasoning and tool calls
 * @param finishReason why generation stopped; null only if the server did not say
 * @param usage        token counts, or null where the server sent none
 * @param extensions   fields outside the OpenAI vocabulary that the server sent at top level, kept
 *                     as parsed JSON values (e.g. llama.cpp's {@code timings}, Ollama's
 *                     {@code total_duration}); empty when none
 */
public record ChatResponse(
        String id,
        String model,
        ChatMessage.AssistantMessage message,
        FinishReason finishReason,
        Usage usage,
        Map<String, Object> extensions) {

    /** @throws NullPointerException if {@code message} is null */
    public ChatResponse {
        Objects.requireNonNull(message, "message");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** The answer text; empty, never null, when the model only called tools. */
    public String text() {
        return message.content() == null ? "" : message.content();
    }

    /** The separated reasoning, or null when there was none. */
    public String reasoning() {
        return message.reasoning();
    }

    /** The tool calls the model asked for; empty when none. */
    public List<ToolCall> toolCalls() {
        return message.toolCalls();
    }
}
