package dev.switchboard.springai;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract against the Spring AI adapter. */
class SpringAiLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new SpringAiLlmClient(endpoint);
    }
}
