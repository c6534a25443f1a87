package dev.switchboard.core.wire;

import java.util.List;
import java.util.Map;

import dev.switchboard.core.ToolCall;
import dev.switchboard.core.Usage;

/**
 * One NDJSON line of Ollama's native {@code /api/chat} or {@code /api/generate}, or a whole
 * non-streaming answer (a single line with {@code done: true}). See
 * {@code core/src/test/resources/reference/ollama-wire.md}, sections 7.2 and 8.
 *
 * @param model      {@code model}
 * @param createdAt  {@code created_at}, RFC 3339 text as Ollama writes it, e.g.
 *                   {@code 2023-08-04T08:52:19.385406455-07:00}
 * @param content    {@code message.content} ({@code /api/chat}) or {@code response}
 *                   ({@code /api/generate}); empty string on the final line
 * @param thinking   {@code message.thinking} / {@code thinking}, or null
 * @param toolCalls  {@code message.tool_calls}, complete calls (natively never fragmented); empty when none
 * @param done       {@code done}: true only on the last line
 * @param doneReason {@code done_reason} on the last line ({@code stop}, {@code length}, …), else null
 * @param usage      from {@code prompt_eval_count} / {@code eval_count} on the last line, else null
 * @param extensions the line's other top-level fields, as plain JSON values: on the last line
 *                   Ollama's metrics {@code total_duration}, {@code load_duration},
 *                   {@code prompt_eval_duration}, {@code eval_duration} (integers, nanoseconds)
 *                   and, from {@code /api/generate}, {@code context}; written in Ollama's order
 *                   around the counts; empty when none
 * @param firstToolCallIndex the {@code function.index} of this line's first tool call; the others
 *                   follow it. Ollama counts 0, 1, … per answer across the lines of a stream
 *                   ({@code tools/tools.go} {@code Index: p.n}; ollama-wire.md, streamed tool calls),
 *                   so a writer streaming one call per line passes how many calls it already sent.
 *                   0 for a whole answer
 */
public record OllamaLine(
        String model,
        String createdAt,
        String content,
        String thinking,
        List<ToolCall> toolCalls,
        boolean done,
        String doneReason,
        Usage usage,
        Map<String, Object> extensions,
        int firstToolCallIndex) {

    /**
     * Copies {@code toolCalls} and {@code extensions}; null becomes empty.
     *
     * @throws IllegalArgumentException if {@code firstToolCallIndex} is negative
     */
    public OllamaLine {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        if (firstToolCallIndex < 0) {
            throw new IllegalArgumentException("firstToolCallIndex must not be negative, was " + firstToolCallIndex);
        }
    }

    /** A line whose tool calls, if any, are numbered from 0. */
    public OllamaLine(String model, String createdAt, String content, String thinking, List<ToolCall> toolCalls,
            boolean done, String doneReason, Usage usage, Map<String, Object> extensions) {
        this(model, createdAt, content, thinking, toolCalls, done, doneReason, usage, extensions, 0);
    }

    /** A line without extra fields (no durations). */
    public OllamaLine(String model, String createdAt, String content, String thinking, List<ToolCall> toolCalls,
            boolean done, String doneReason, Usage usage) {
        this(model, createdAt, content, thinking, toolCalls, done, doneReason, usage, Map.of(), 0);
    }
}
