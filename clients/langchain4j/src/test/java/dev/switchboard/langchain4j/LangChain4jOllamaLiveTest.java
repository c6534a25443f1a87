package dev.switchboard.langchain4j;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/**
 * The live tier through the {@code langchain4j-ollama} style (langchain4j-ollama on Ollama's
 * {@code /api}); skipped, with the reason, against a server without it.
 */
class LangChain4jOllamaLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return LangChain4jLlmClient.ollama(endpoint);
    }

    @Override
    protected boolean usesOllamaApi() {
        return true;
    }
}
