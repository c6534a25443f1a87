package dev.switchboard.springai;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/** The live tier through {@link SpringAiLlmClient}, against the endpoint the resolution finds. */
class SpringAiLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new SpringAiLlmClient(endpoint);
    }
}
