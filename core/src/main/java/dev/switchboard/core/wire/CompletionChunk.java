package dev.switchboard.core.wire;

import java.util.Map;

import dev.switchboard.core.Usage;

/**
 * One {@code text_completion} chunk of a {@code /v1/completions} stream, as it is on the wire (only
 * {@code choices[0]}). Recorded in
 * {@code core/src/test/resources/reference/llama-server-transcripts/08-completions-stream.txt}
 * (no role, {@code text} per token, a last chunk with {@code "text":""}, the finish reason and
 * usage) and {@code ollama-wire.md} section 4 (the finish reason on the last text chunk; with
 * {@code include_usage}, zero usage on every chunk and the real one on an extra chunk with
 * {@code choices:[]}).
 *
 * @param id           {@code id}, may be null
 * @param created      {@code created}, seconds since the epoch, 0 when absent
 * @param model        {@code model}, may be null
 * @param hasChoice    whether {@code choices[0]} is present ({@code false} on a usage-only chunk
 *                     with {@code choices:[]})
 * @param text         {@code choices[0].text}, null when absent or JSON null
 * @param finishReason {@code choices[0].finish_reason} as sent, else null
 * @param usage        top-level {@code usage}, else null
 * @param extensions   other top-level fields as parsed JSON values (llama.cpp's {@code timings},
 *                     {@code system_fingerprint}); empty when none; never written
 */
public record CompletionChunk(
        String id,
        long created,
        String model,
        boolean hasChoice,
        String text,
        String finishReason,
        Usage usage,
        Map<String, Object> extensions) {

    /** Copies {@code extensions}; null becomes empty. */
    public CompletionChunk {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A chunk with choice 0 carrying {@code text} and {@code finishReason} (either may be null). */
    public static CompletionChunk of(String id, long created, String model, String text, String finishReason,
            Usage usage) {
        return new CompletionChunk(id, created, model, true, text, finishReason, usage, Map.of());
    }

    /** A usage-only chunk, {@code "choices":[]}, as OpenAI and Ollama send it after the last one. */
    public static CompletionChunk usageOnly(String id, long created, String model, Usage usage) {
        return new CompletionChunk(id, created, model, false, null, null, usage, Map.of());
    }
}
