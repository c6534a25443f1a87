package dev.switchboard.rawhttp;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.testkit.live.LlmLiveContract;

/** The live tier through {@link RawHttpLlmClient}, against the endpoint the resolution finds. */
class RawHttpLiveTest extends LlmLiveContract {

    @Override
    protected LlmClient createClient(Endpoint endpoint) {
        return new RawHttpLlmClient(endpoint);
    }
}
