package dev.switchboard.core.wire;

import java.util.Objects;

import dev.switchboard.core.EmbeddingRequest;

/**
 * An embeddings request as a server reads it off {@code /v1}: the request plus how to encode the
 * answer.
 *
 * @param request the request; its {@code model} is as sent (null when absent)
 * @param base64  {@code "encoding_format":"base64"}: answer each vector as base64 of little-endian
 *                float32
 *                ({@code core/src/test/resources/reference/llama-server-transcripts/21-embeddings-base64.txt});
 *                openai-java 2.19+ asks for this by default
 */
public record InboundEmbedding(EmbeddingRequest request, boolean base64) {
    /** @throws NullPointerException if {@code request} is null */
    public InboundEmbedding {
        Objects.requireNonNull(request, "request");
    }
}
