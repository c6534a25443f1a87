package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.springai.SpringAiLlmClient;

/** The whole contract for the spring-ai style through a gateway; see {@link GatewayContract}. */
class GatewaySpringAiContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return new SpringAiLlmClient(gateway);
    }
}
