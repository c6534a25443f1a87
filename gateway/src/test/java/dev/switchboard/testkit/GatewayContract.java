package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.FIRST_TWO_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.TWO_CITIES_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL;
import static dev.switchboard.testkit.ContractFixtures.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.fault.Fault;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.gateway.UpstreamSpecs;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.UpstreamEngine;

/**
 * The whole {@link LlmClientContract} for a style <em>through</em> a gateway in front of the
 * contract's scripted server, one subclass per style ({@link #styleClient}): faults are injected
 * upstream and must arrive at the client as the contract expects. Callers of an OpenAI-compatible
 * style reach the gateway's {@code /v1}, callers of an Ollama style its {@code /api}; the gateway
 * reaches the scripted server over OpenAI's {@code /v1} (raw-http). Declared in the testkit's package so that the cases where a gateway
 * answers differently by design can state what it answers instead (the overrides below): what only
 * the gateway's operator can fix (the upstream refused the gateway's key, crashed, is not there,
 * sent garbage before its first event) reaches the caller as 502 or 503 naming the upstream, not as
 * the upstream's own status; and a failure before the first event reached the caller is an error
 * status, since the gateway had sent nothing yet.
 */
abstract class GatewayContract extends LlmClientContract {

    private static final Map<String, SwitchboardServer> GATEWAYS = new ConcurrentHashMap<>();

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        SwitchboardServer gateway = GATEWAYS.computeIfAbsent(endpoint.baseUrl(), url -> SwitchboardServer.start(
                UpstreamEngine.builder().healthCheckInterval(Duration.ofHours(1))
                        .upstream(UpstreamSpecs.parse("contract=" + url, null, Duration.ofSeconds(2), Duration.ofSeconds(30)))
                        .build()));
        return styleClient(endpoint.toBuilder().baseUrl(gateway.openAiBaseUrl()).build());
    }

    /** The style's client for {@code gateway}, whose base URL is the gateway's {@code /v1}. */
    protected abstract LlmClient styleClient(Endpoint gateway);

    /** Registers {@code fault} upstream, sends, and returns what the client threw. */
    private LlmException upstreamFault(Mode mode, Fault fault) {
        requires(mode);
        server.faults().forNextRequest(fault);
        LlmException e = catchThrowableOfType(LlmException.class, () -> send(mode, prompt(PROMPT)));
        assertThat(e).as("exception for %s", fault).isNotNull();
        return e;
    }

    @Override
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("gateway: an upstream 401 is 502, without the upstream's message (it may quote the key)")
    void unauthorized(Mode mode) {
        LlmException e = upstreamFault(mode, new Fault.Status(401, "invalid api key", null));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).isEqualTo(
                "upstream 'contract' refused the gateway's credentials (HTTP 401); check the upstream API key");
    }

    @Override
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("gateway: an upstream 403 is 502")
    void forbidden(Mode mode) {
        LlmException e = upstreamFault(mode, new Fault.Status(403, "this key may not use this model", null));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).contains("(HTTP 403)").doesNotContain("this key");
    }

    @Override
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("gateway: an upstream 404 not about a model (a route it lacks) is 502 naming the upstream, not a 404 of the gateway's")
    void missingRoute(Mode mode) {
        LlmException e = upstreamFault(mode, new Fault.Status(404, "File Not Found", null));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).startsWith("upstream 'contract' has no route for this request: HTTP 404: File Not Found")
                .endsWith("check the upstream's base URL");
    }

    @Override
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("gateway: an upstream 500 is 502 and a 503 stays 503, both naming the upstream")
    void serverErrors(Mode mode) {
        LlmException crashed = upstreamFault(mode, new Fault.Status(500, "engine crashed", null));
        LlmException loading = upstreamFault(mode, new Fault.Status(503, "model is loading", null));
        assertThat(crashed).isInstanceOf(ServerErrorException.class);
        assertThat(crashed.status()).isEqualTo(502);
        assertThat(crashed.providerMessage()).isEqualTo("upstream 'contract' answered HTTP 500: engine crashed");
        assertThat(loading.status()).isEqualTo(503);
        assertThat(loading.providerMessage()).isEqualTo("upstream 'contract' answered HTTP 503: model is loading");
    }

    @Override
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("gateway: no upstream listening is 503 with the reason")
    void nothingListening(Mode mode) {
        requires(mode);
        try (LlmClient refused = createClient(endpoint.toBuilder().baseUrl("http://127.0.0.1:1/v1").build())) {
            LlmException e = catchThrowableOfType(LlmException.class, () -> send(refused, mode, prompt(PROMPT)));
            assertThat(e).isInstanceOf(ServerErrorException.class);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.providerMessage()).startsWith("no healthy upstream serves model 'scripted': contract: "
                    + "upstream 'contract' is unreachable");
        }
    }

    @Override
    @Test
    @DisplayName("gateway: a malformed upstream chunk mid-stream is StreamInterruptedException, text so far kept")
    void malformedChunk() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.MalformedChunk(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
        assertThat(e.getMessage()).contains("upstream 'contract' broke off the stream");
    }

    @Override
    @Test
    @DisplayName("gateway: an upstream answer that is not JSON before its first event is 502")
    void malformedBody() {
        LlmException e = upstreamFault(Mode.CHAT, new Fault.MalformedChunk(0));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).startsWith("upstream 'contract' broke off the stream");
    }

    @Override
    @Test
    @DisplayName("gateway: an upstream that closes without an answer is 502")
    void droppedBeforeAnswer() {
        LlmException e = upstreamFault(Mode.CHAT, new Fault.DropConnection(0));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).startsWith("upstream 'contract'");
    }

    @Override
    @Test
    @DisplayName("gateway: an upstream cut inside its tool calls, before any event was whole, is 502")
    void droppedDuringToolCalls() {
        requires(Capability.STREAMING);
        requires(Capability.TOOLS);
        server.faults().forNextRequest(new Fault.DropConnection(2));

        // the upstream client hands on a tool call only when it is whole, at the upstream's finish:
        // nothing had reached the caller, so the caller gets a status, not a cut stream
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.stream(ChatRequest.builder().user(TWO_CITIES_QUESTION).addTool(WEATHER_TOOL).build())
                        .collect());

        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.providerMessage()).startsWith("upstream 'contract' broke off the stream");
    }

    @AfterAll
    static void stopGateways() {
        GATEWAYS.values().forEach(SwitchboardServer::close);
        GATEWAYS.clear();
    }
}
