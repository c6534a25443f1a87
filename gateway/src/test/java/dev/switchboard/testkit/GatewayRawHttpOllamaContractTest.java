package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.rawhttp.OllamaNativeLlmClient;

/** The whole contract for the raw-http-ollama (the gateway's Ollama {@code /api}) style through a gateway; see {@link GatewayContract}. */
class GatewayRawHttpOllamaContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return new OllamaNativeLlmClient(gateway);
    }
}
