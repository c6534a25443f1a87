package dev.switchboard.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.rawhttp.RawHttpLlmClient;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.UpstreamEngine;
import dev.switchboard.testkit.live.LlmLiveContract;

/**
 * The live tier through a gateway: a gateway in front of the endpoint the resolution finds (here,
 * with no Docker and no Ollama, the in-process llama.cpp engine on the generated random-weight
 * model), read by the raw-http style. The upstream is taken as OpenAI-compatible ({@code /v1}).
 */
class GatewayLiveTest extends LlmLiveContract {

    private static final Map<String, SwitchboardServer> GATEWAYS = new ConcurrentHashMap<>();

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        SwitchboardServer gateway = GATEWAYS.computeIfAbsent(endpoint.baseUrl(), url -> SwitchboardServer.start(
                UpstreamEngine.builder().healthCheckInterval(Duration.ofMinutes(1))
                        .upstream(UpstreamSpecs.parse("live=" + url, endpoint.apiKey(), endpoint.connectTimeout(),
                                endpoint.readTimeout()))
                        .build()));
        return new RawHttpLlmClient(endpoint.toBuilder().baseUrl(gateway.openAiBaseUrl()).apiKey(null).build());
    }

    @AfterAll
    static void stopGateways() {
        GATEWAYS.values().forEach(SwitchboardServer::close);
        GATEWAYS.clear();
    }
}
