package dev.switchboard.openaijava;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/** The live tier through {@link OpenAiJavaLlmClient}, against the endpoint the resolution finds. */
class OpenAiJavaLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new OpenAiJavaLlmClient(endpoint);
    }
}
