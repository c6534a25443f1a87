package dev.switchboard.core;

import java.util.Map;
import java.util.Objects;

/**
 * A complete text completion: {@code choices[0]} of a {@code text_completion} body
 * ({@code core/src/test/resources/reference/llama-server-transcripts/07-completions.txt};
 * {@code ollama-wire.md} section 4).
 *
 * @param id           the completion id (llama-server: {@code chatcmpl-...}, Ollama:
 *                     {@code cmpl-<n>}), or null where the server sent none
 * @param model        the model that answered, as the server named it; may be null
 * @param text         {@code choices[0].text}, the generated continuation; never null (empty when
 *                     nothing was generated)
 * @param finishReason why generation stopped; null only if the server did not say
 * @param usage        token counts, or null where the server sent none
 * @param extensions   fields outside the OpenAI vocabulary that the server sent at top level, as
 *                     parsed JSON values (llama.cpp's {@code timings}); empty when none
 */
public record CompletionResponse(
        String id,
        String model,
        String text,
        FinishReason finishReason,
        Usage usage,
        Map<String, Object> extensions) {

    /** @throws NullPointerException if {@code text} is null */
    public CompletionResponse {
        Objects.requireNonNull(text, "text");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
