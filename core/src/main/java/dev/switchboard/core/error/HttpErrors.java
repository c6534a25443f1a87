package dev.switchboard.core.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one place where an HTTP error status becomes an {@link LlmException}; every style calls it.
 * The table is in {@link LlmException}'s documentation and the project README.
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * Maps an error response onto its exception.
     *
     * @param status          the HTTP status, 400 or more
     * @param providerMessage the server's message, parsed from either error envelope
     *                        ({@code {"error":"..."}} or {@code {"error":{"message":...}}}), or null
     * @param providerCode    the envelope's {@code type} or {@code code}, or null
     * @param retryAfter      the parsed {@code Retry-After}, or null
     * @return the exception for {@code status}; a status below 400 becomes a {@link ServerErrorException}
     *         since a client only calls this for a response it could not use
     */
    public static LlmException forStatus(int status, String providerMessage, String providerCode, Duration retryAfter) {
        String message = "HTTP " + status + (providerMessage == null ? "" : ": " + providerMessage);
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, status, providerMessage, providerCode, null);
        }
        if (status == 404) {
            return new ModelNotFoundException(message, status, providerMessage, providerCode, null);
        }
        if (status == 429) {
            return new RateLimitedException(message, status, providerMessage, providerCode, retryAfter);
        }
        if (status >= 400 && status < 500) {
            return new BadRequestException(message, status, providerMessage, providerCode, null);
        }
        return new ServerErrorException(message, status, providerMessage, providerCode, null);
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
