package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.AuthenticationException;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.error.RouteNotFoundException;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.server.fault.Fault;

/**
 * {@link LlmClientContract}'s cases on error statuses: each gives its typed exception with the
 * status and the server's message; and nothing listening is a {@code ConnectionException}.
 */
abstract class ErrorCases extends EmbeddingCases {

    ErrorCases() {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("401 is AuthenticationException with the server's message")
    void unauthorized(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(401, "invalid api key", null));
        assertThat(e).isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("403 is AuthenticationException with the server's message")
    void forbidden(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(403, "this key may not use this model", null));
        assertThat(e).isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("an unknown model is ModelNotFoundException (404)")
    void unknownModel(Mode mode) {
        requires(mode);
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> send(mode, ChatRequest.builder().model("no-such-model").user(PROMPT).build()));
        assertThat(e).isInstanceOf(ModelNotFoundException.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.providerMessage()).contains("no-such-model");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("a 404 not about a model (llama-server's \"File Not Found\" for a route it lacks) is RouteNotFoundException")
    void missingRoute(Mode mode) {
        // llama-server's words for a path it does not have: core's reference/llama-server-transcripts/15-unknown-route.txt
        LlmException e = statusFault(mode, new Fault.Status(404, "File Not Found", null));
        assertThat(e).isInstanceOf(RouteNotFoundException.class).isNotInstanceOf(ModelNotFoundException.class);
        assertThat(e.getMessage()).contains("this server has no");
        assertThat(e.isRetriable()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("400 is BadRequestException with the server's message")
    void badRequest(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(400, "messages must not be empty", null));
        assertThat(e).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("429 is RateLimitedException carrying Retry-After")
    void rateLimited(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(429, "slow down", Duration.ofSeconds(7)));
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.isRetriable()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("500 and 503 are ServerErrorException with the server's message")
    void serverErrors(Mode mode) {
        assertThat(statusFault(mode, new Fault.Status(500, "engine crashed", null)))
                .isInstanceOf(ServerErrorException.class);
        assertThat(statusFault(mode, new Fault.Status(503, "model is loading", null)))
                .isInstanceOf(ServerErrorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("no server listening is ConnectionException")
    void nothingListening(Mode mode) {
        requires(mode);
        try (LlmClient refused = createClient(endpoint.toBuilder().baseUrl("http://127.0.0.1:1/v1").build())) {
            assertThatThrownBy(() -> send(refused, mode, prompt(PROMPT))).isInstanceOf(ConnectionException.class);
        }
    }

    /** Registers {@code fault}, sends, and checks what every status error carries. */
    private LlmException statusFault(Mode mode, Fault.Status fault) {
        requires(mode);
        server.faults().forNextRequest(fault);
        LlmException e = catchThrowableOfType(LlmException.class, () -> send(mode, prompt(PROMPT)));
        assertThat(e).as("exception for %s", fault).isNotNull();
        assertThat(e.status()).isEqualTo(fault.status());
        assertThat(e.providerMessage()).isEqualTo(fault.message());
        return e;
    }
}
