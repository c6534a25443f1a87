package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.langchain4j.LangChain4jLlmClient;

/** The whole contract for the langchain4j (OpenAI-compatible) style through a gateway; see {@link GatewayContract}. */
class GatewayLangChain4jContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return LangChain4jLlmClient.openAiCompatible(gateway);
    }
}
