package dev.switchboard.core;

import java.util.Objects;

/**
 * One entry of a server's model list: {@code GET /v1/models} ({@code data[]}) or Ollama's
 * {@code GET /api/tags} ({@code models[]}).
 *
 * @param id      the name to put in a request's {@code model}, e.g. {@code "qwen3:0.6b"}
 * @param ownedBy {@code owned_by} where the server sends it ({@code "library"} on Ollama,
 *                {@code "llamacpp"} on llama-server), else null
 * @param created {@code created} in seconds since the epoch, or 0 when not sent
 */
public record ModelInfo(String id, String ownedBy, long created) {
    /** @throws NullPointerException if {@code id} is null */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
    }
}
