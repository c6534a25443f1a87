package dev.switchboard.openaijava;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract against the openai-java adapter. */
class OpenAiJavaLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new OpenAiJavaLlmClient(endpoint);
    }
}
