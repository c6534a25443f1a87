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
    private final String path;

    /**
     * @param status     the HTTP status, 100–599
     * @param body       the response body as text (the server's error envelope), the exception's message
     * @param retryAfter the parsed {@code Retry-After} header, or null without one
     * @param path       the request's path (e.g. {@code /api/chat}), or null
     */
    public HttpStatusException(int status, String body, Duration retryAfter, String path) {
        super(status, body);
        this.retryAfter = retryAfter;
        this.path = path;
    }

    /** The request's path, e.g. {@code /api/chat}, or null: named in a {@code RouteNotFoundException}. */
    public String path() {
        return path;
    }

    /** The parsed {@code Retry-After} header, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
