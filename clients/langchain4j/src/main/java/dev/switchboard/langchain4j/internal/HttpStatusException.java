package dev.switchboard.langchain4j.internal;

import java.time.Duration;

import dev.langchain4j.exception.HttpException;

/**
 * LangChain4j's {@link HttpException} (status and body) plus the {@code Retry-After} header, which
 * LangChain4j's own HTTP clients drop. Thrown by {@link LangChain4jHttpClient} for a non-2xx status;
 * LangChain4j's exception mapper keeps it as the cause of its {@code RateLimitException} etc.
 */
public final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * @param status     the HTTP status, 100–599
     * @param body       the response body as text (the server's error envelope), the exception's message
     * @param retryAfter the parsed {@code Retry-After} header, or null without one
     */
    public HttpStatusException(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    /** The parsed {@code Retry-After} header, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
