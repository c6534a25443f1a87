package dev.switchboard.langchain4j;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract for the {@code langchain4j} style (langchain4j-open-ai against {@code /v1}). */
class LangChain4jLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return LangChain4jLlmClient.openAiCompatible(endpoint);
    }
}
