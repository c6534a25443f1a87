package dev.switchboard.rawhttp;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract against the Ollama-native {@code /api} adapter. */
class OllamaNativeLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new OllamaNativeLlmClient(endpoint);
    }
}
