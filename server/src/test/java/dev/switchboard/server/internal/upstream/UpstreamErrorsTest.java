package dev.switchboard.server.internal.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.PartialResponse;
import dev.switchboard.core.error.AuthenticationException;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.HttpErrors;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.engine.EngineException;

/** One test per row of the README's upstream-failure table. */
class UpstreamErrorsTest {

    private static EngineException map(dev.switchboard.core.error.LlmException e) {
        return UpstreamErrors.toEngine("gpu1", "qwen3:0.6b", e);
    }

    @Test
    void a429KeepsItsMessageAndRetryAfter() {
        EngineException e = map(HttpErrors.forStatus(429, "slow down", "rate_limit_error", Duration.ofSeconds(3)));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.getMessage()).isEqualTo("slow down");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(UpstreamErrors.tryElsewhere(HttpErrors.forStatus(429, "x", null, null))).isTrue();
    }

    @Test
    void a404NamingAModelIsTheUpstreamsMessage() {
        EngineException model = map(HttpErrors.forStatus(404, "model 'x' not found", null, null));
        assertThat(model.status()).isEqualTo(404);
        assertThat(model.getMessage()).isEqualTo("model 'x' not found");
        assertThat(UpstreamErrors.tryElsewhere(HttpErrors.forStatus(404, "model 'x' not found", null, null))).isFalse();
    }

    @Test
    void a404AboutARouteIsTheUpstreamsFaultNotTheCallers() {
        // llama-server's words for a path it lacks; a bare 404 says nothing about a model either
        EngineException route = map(HttpErrors.forStatus(404, "File Not Found", null, null, "/api/chat"));
        EngineException bare = map(HttpErrors.forStatus(404, null, null, null));

        assertThat(route.status()).isEqualTo(502);
        assertThat(route.getMessage()).isEqualTo("upstream 'gpu1' has no route for this request: HTTP 404: File Not Found: "
                + "this server has no /api/chat: is it an Ollama?; check the upstream's base URL");
        assertThat(bare.status()).isEqualTo(502);
        assertThat(UpstreamErrors.tryElsewhere(HttpErrors.forStatus(404, null, null, null))).isFalse();
    }

    @Test
    void a400PassesThrough() {
        EngineException e = map(HttpErrors.forStatus(400, "'messages' is required", null, null));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("'messages' is required");
    }

    @Test
    void an401Is502WithoutTheUpstreamsMessageWhichMayQuoteTheKey() {
        EngineException e = map(new AuthenticationException("HTTP 401", 401, "Incorrect API key provided: sk-abc***xyz", null, null));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("upstream 'gpu1' refused the gateway's credentials (HTTP 401); check the upstream API key")
                .doesNotContain("sk-");
    }

    @Test
    void a503StaysA503AndOther5xxBecome502() {
        assertThat(map(HttpErrors.forStatus(503, "loading model", null, null)).status()).isEqualTo(503);
        EngineException e = map(HttpErrors.forStatus(500, "boom", null, null));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("upstream 'gpu1' answered HTTP 500: boom");
    }

    @Test
    void unreachableIs502AndSilentIs504BothTakingTheUpstreamOut() {
        ConnectionException refused = new ConnectionException("connection failed while connecting: refused", new IOException("refused"));
        LlmTimeoutException silent = new LlmTimeoutException("no data for 1000 ms", Duration.ofSeconds(1), null);

        assertThat(map(refused).status()).isEqualTo(502);
        assertThat(map(refused).getMessage()).isEqualTo("upstream 'gpu1' is unreachable: connection failed while connecting: refused");
        assertThat(map(silent).status()).isEqualTo(504);
        assertThat(UpstreamErrors.upstreamDown(refused)).isTrue();
        assertThat(UpstreamErrors.upstreamDown(silent)).isTrue();
        assertThat(UpstreamErrors.upstreamDown(HttpErrors.forStatus(500, null, null, null))).isFalse();
    }

    @Test
    void aBrokenStreamAndAMalformedOneAre502() {
        StreamInterruptedException cut = new StreamInterruptedException("stream broke", PartialResponse.EMPTY,
                new IOException("unexpected end of stream"));

        assertThat(map(cut).status()).isEqualTo(502);
        assertThat(map(cut).getMessage()).isEqualTo("upstream 'gpu1' broke off the stream: unexpected end of stream");
        assertThat(map(new MalformedResponseException("not JSON", "{x", null)).status()).isEqualTo(502);
    }
}
