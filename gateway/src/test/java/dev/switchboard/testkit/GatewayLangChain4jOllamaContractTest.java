package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.langchain4j.LangChain4jLlmClient;

/** The whole contract for the langchain4j-ollama (the gateway's Ollama {@code /api}) style through a gateway; see {@link GatewayContract}. */
class GatewayLangChain4jOllamaContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return LangChain4jLlmClient.ollama(gateway);
    }
}
