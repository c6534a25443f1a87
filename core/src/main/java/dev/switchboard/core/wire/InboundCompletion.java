package dev.switchboard.core.wire;

import java.util.Objects;

import dev.switchboard.core.CompletionRequest;

/**
 * A {@code /v1/completions} request as a server reads it off the wire: the request plus how to
 * answer it.
 *
 * @param request      the request; its {@code model} is as sent (null when absent)
 * @param stream       {@code "stream"}, default false
 * @param includeUsage {@code stream_options.include_usage}
 */
public record InboundCompletion(CompletionRequest request, boolean stream, boolean includeUsage) {
    /** @throws NullPointerException if {@code request} is null */
    public InboundCompletion {
        Objects.requireNonNull(request, "request");
    }
}
