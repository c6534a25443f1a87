package dev.switchboard.core.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one place where an HTTP error status becomes an {@link LlmException}; every style calls it.
 * The table is in {@link LlmException}'s documentation and the project README.
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * Maps an error response onto its exception, without knowing the request path; the same as
     * {@link #forStatus(int, String, String, Duration, String)} with a null path.
     */
    public static LlmException forStatus(int status, String providerMessage, String providerCode, Duration retryAfter) {
        return forStatus(status, providerMessage, providerCode, retryAfter, null);
    }

    /**
     * Maps an error response onto its exception.
     *
     * <p>A 404 is a {@link ModelNotFoundException} when the server's message or code names a model
     * (Ollama: {@code model "x" not found, try pulling it first}; OpenAI: code {@code model_not_found});
     * any other 404 is a {@link RouteNotFoundException} that says which path the server lacks
     * (llama-server: {@code File Not Found}; Ollama for an unknown path: {@code 404 page not found}).
     *
     * @param status          the HTTP status, 400 or more
     * @param providerMessage the server's message, parsed from either error envelope
     *                        ({@code {"error":"..."}} or {@code {"error":{"message":...}}}), or null
     * @param providerCode    the envelope's {@code type} or {@code code}, or null
     * @param retryAfter      the parsed {@code Retry-After}, or null
     * @param path            the request's path (e.g. {@code /api/chat}), or null when unknown; used in the
     *                        message of a {@link RouteNotFoundException}
     * @return the exception for {@code status}; a status below 400 becomes a {@link ServerErrorException}
     *         since a client only calls this for a response it could not use
     */
    public static LlmException forStatus(int status, String providerMessage, String providerCode, Duration retryAfter,
            String path) {
        String message = "HTTP " + status + (providerMessage == null ? "" : ": " + providerMessage);
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, status, providerMessage, providerCode, null);
        }
        if (status == 404) {
            if (namesAModel(providerMessage) || namesAModel(providerCode)) {
                return new ModelNotFoundException(message, status, providerMessage, providerCode, null);
            }
            return new RouteNotFoundException(message + ": " + missingRoute(path), status, providerMessage,
                    providerCode, path);
        }
        if (status == 429) {
            return new RateLimitedException(message, status, providerMessage, providerCode, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return new BadRequestException(message, status, providerMessage, providerCode, null);
        }
        return new ServerErrorException(message, status, providerMessage, providerCode, null);
    }

    private static boolean namesAModel(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("model");
    }

    private static String missingRoute(String path) {
        if (path == null) {
            return "this server has no such route: is the base URL right?";
        }
        if (path.startsWith("/api/")) {
            return "this server has no " + path + ": is it an Ollama?";
        }
        return "this server has no " + path + ": is the base URL right (OpenAI-compatible ones end in /v1)?";
    }

    /**
     * Parses a {@code Retry-After} header: delay-seconds ({@code "2"}) or an HTTP-date
     * ({@code "Wed, 21 Oct 2015 07:28:00 GMT"}, measured against {@code clock}).
     *
     * @return the wait, never negative, or null when the header is absent or unparseable
     */
    public static Duration parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
