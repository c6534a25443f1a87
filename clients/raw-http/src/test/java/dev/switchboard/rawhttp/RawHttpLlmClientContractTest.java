package dev.switchboard.rawhttp;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.LlmClientContract;

/** The shared contract against the {@code /v1} adapter. */
class RawHttpLlmClientContractTest extends LlmClientContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new RawHttpLlmClient(endpoint);
    }
}
