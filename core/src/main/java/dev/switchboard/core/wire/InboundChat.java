package dev.switchboard.core.wire;

import java.util.Objects;

import dev.switchboard.core.ChatRequest;

/**
 * A chat request as a server reads it off the wire: the request plus how to answer it.
 *
 * @param request      the request; its {@code model} is as sent (null when absent)
 * @param stream       whether to stream: {@code "stream"} on {@code /v1} defaults to false, on
 *                     Ollama's native {@code /api/chat} and {@code /api/generate} to true
 * @param includeUsage {@code stream_options.include_usage} on {@code /v1}; always true natively
 *                     (Ollama's final line always carries the counts)
 */
public record InboundChat(ChatRequest request, boolean stream, boolean includeUsage) {
    /** @throws NullPointerException if {@code request} is null */
    public InboundChat {
        Objects.requireNonNull(request, "request");
    }
}
