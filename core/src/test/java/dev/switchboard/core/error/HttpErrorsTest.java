package dev.switchboard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One test per row of the status table in {@link LlmException} and the README. */
class HttpErrorsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "401, AuthenticationException, false",
        "403, AuthenticationException, false",
        "400, BadRequestException, false",
        "422, BadRequestException, false",
        "409, BadRequestException, false",
        "429, RateLimitedException, true",
        "500, ServerErrorException, true",
        "501, ServerErrorException, true",
        "503, ServerErrorException, true"})
    void statusMapsToItsException(int status, String type, boolean retriable) {
        LlmException e = HttpErrors.forStatus(status, "the server's words", "some_type", null);

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.isRetriable()).isEqualTo(retriable);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.providerMessage()).isEqualTo("the server's words");
        assertThat(e.providerCode()).isEqualTo("some_type");
        assertThat(e.getMessage()).isEqualTo("HTTP " + status + ": the server's words");
    }

    @Test
    void a404NamingAModelIsModelNotFound() {
        // Ollama's words, and OpenAI's code for a model it does not have
        LlmException ollama = HttpErrors.forStatus(404, "model \"qwen9\" not found, try pulling it first", null, null, "/api/chat");
        LlmException openAi = HttpErrors.forStatus(404, "The requested resource does not exist", "model_not_found", null);

        assertThat(ollama).isInstanceOf(ModelNotFoundException.class)
                .hasMessage("HTTP 404: model \"qwen9\" not found, try pulling it first");
        assertThat(openAi).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void a404AboutAnythingElseIsRouteNotFoundNamingThePath() {
        LlmException onApi = HttpErrors.forStatus(404, "File Not Found", "not_found_error", null, "/api/chat");
        LlmException onV1 = HttpErrors.forStatus(404, "404 page not found", null, null, "/v1/embeddings");
        LlmException unknownPath = HttpErrors.forStatus(404, null, null, null);

        assertThat(onApi).isInstanceOf(RouteNotFoundException.class).isNotInstanceOf(ModelNotFoundException.class)
                .hasMessage("HTTP 404: File Not Found: this server has no /api/chat: is it an Ollama?");
        assertThat(((RouteNotFoundException) onApi).path()).isEqualTo("/api/chat");
        assertThat(onApi.isRetriable()).isFalse();
        assertThat(onApi.providerMessage()).isEqualTo("File Not Found");
        assertThat(onV1).isInstanceOf(RouteNotFoundException.class)
                .hasMessageContaining("this server has no /v1/embeddings: is the base URL right");
        assertThat(unknownPath).isInstanceOf(RouteNotFoundException.class)
                .hasMessage("HTTP 404: this server has no such route: is the base URL right?");
        assertThat(((RouteNotFoundException) unknownPath).path()).isNull();
    }

    @Test
    void rateLimitedCarriesRetryAfter() {
        LlmException e = HttpErrors.forStatus(429, "rate limit exceeded", null, Duration.ofSeconds(2));

        assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(HttpErrors.parseRetryAfter("2", CLOCK)).isEqualTo(Duration.ofSeconds(2));
        assertThat(HttpErrors.parseRetryAfter(" 0 ", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredAgainstTheClock() {
        assertThat(HttpErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(60));
        assertThat(HttpErrors.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void missingOrUnparseableRetryAfterIsNull() {
        assertThat(HttpErrors.parseRetryAfter(null, CLOCK)).isNull();
        assertThat(HttpErrors.parseRetryAfter("", CLOCK)).isNull();
        assertThat(HttpErrors.parseRetryAfter("soon", CLOCK)).isNull();
    }

    @Test
    void noServerMessageKeepsTheStatusOnly() {
        assertThat(HttpErrors.forStatus(500, null, null, null).getMessage()).isEqualTo("HTTP 500");
    }

    @Test
    void failuresWithoutAResponseAreRetriableWithStatusZero() {
        assertThat(new ConnectionException("refused", null).isRetriable()).isTrue();
        assertThat(new ConnectionException("refused", null).status()).isZero();
        assertThat(new LlmTimeoutException("idle", Duration.ofSeconds(1), null).isRetriable()).isTrue();
        assertThat(new MalformedResponseException("bad", "x".repeat(300), null).isRetriable()).isFalse();
        assertThat(new MalformedResponseException("bad", "x".repeat(300), null).getMessage()).hasSize(5 + 200 + 1);
        assertThat(new StreamInterruptedException("cut", null, null).partial().text()).isEmpty();
    }
}
