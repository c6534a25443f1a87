package dev.switchboard.core.wire;

import java.util.List;

import dev.switchboard.core.Usage;

/**
 * One {@code chat.completion.chunk} of a {@code /v1} stream, as it is on the wire (only
 * {@code choices[0]}; {@code n > 1} is not supported).
 *
 * @param id               {@code id}, may be null
 * @param created          {@code created}, seconds since the epoch, 0 when absent
 * @param model            {@code model}, may be null
 * @param role             {@code delta.role}, usually only on the first chunk, else null
 * @param content          {@code delta.content}, null when absent or JSON null
 * @param reasoningContent {@code delta.reasoning_content} (llama.cpp, DeepSeek), else null
 * @param reasoning        {@code delta.reasoning} (Ollama {@code /v1}, newer vLLM), else null
 * @param toolCalls        {@code delta.tool_calls} fragments; empty when none
 * @param finishReason     {@code choices[0].finish_reason} as sent, else null
 * @param usage            top-level {@code usage}, else null (with {@code include_usage}, llama.cpp
 *                         sends it on the last chunk; OpenAI on an extra chunk with empty choices)
 */
public record ChatChunk(
        String id,
        long created,
        String model,
        String role,
        String content,
        String reasoningContent,
        String reasoning,
        List<ToolCallDelta> toolCalls,
        String finishReason,
        Usage usage) {

    /** Copies {@code toolCalls}; null becomes empty. */
    public ChatChunk {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /**
     * One fragment of a streamed tool call ({@code delta.tool_calls[i]}). The first fragment of a
     * call usually carries {@code id} and {@code name}; later ones only argument text. Fragments
     * of one call share {@code index}.
     *
     * @param index             the call's position in this turn, from 0
     * @param id                the call id, or null on continuation fragments
     * @param name              {@code function.name}, or null on continuation fragments
     * @param argumentsFragment the next piece of {@code function.arguments} text, or null
     */
    public record ToolCallDelta(int index, String id, String name, String argumentsFragment) {
    }
}
