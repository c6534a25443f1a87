package dev.switchboard.langchain4j;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/** The live tier through the {@code langchain4j} style (langchain4j-open-ai on {@code /v1}). */
class LangChain4jLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return LangChain4jLlmClient.openAiCompatible(endpoint);
    }
}
