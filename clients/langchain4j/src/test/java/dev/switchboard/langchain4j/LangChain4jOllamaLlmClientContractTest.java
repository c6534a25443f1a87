package dev.switchboard.langchain4j;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract for the {@code langchain4j-ollama} style (langchain4j-ollama against {@code /api}). */
class LangChain4jOllamaLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return LangChain4jLlmClient.ollama(endpoint);
    }
}
