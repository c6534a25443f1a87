package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.openaijava.OpenAiJavaLlmClient;

/** The whole contract for the openai-java style through a gateway; see {@link GatewayContract}. */
class GatewayOpenAiJavaContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return new OpenAiJavaLlmClient(gateway);
    }
}
