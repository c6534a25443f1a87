package dev.switchboard.rawhttp;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/** The live tier through {@link OllamaNativeLlmClient}, against the endpoint the resolution finds. */
class OllamaNativeLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new OllamaNativeLlmClient(endpoint);
    }

    @Override
    protected boolean usesOllamaApi() {
        return true;
    }
}
