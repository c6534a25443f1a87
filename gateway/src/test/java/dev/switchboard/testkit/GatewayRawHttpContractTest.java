package dev.switchboard.testkit;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.rawhttp.RawHttpLlmClient;

/** The whole contract for the raw-http style through a gateway; see {@link GatewayContract}. */
class GatewayRawHttpContractTest extends GatewayContract {

    @Override
    protected LlmClient styleClient(Endpoint gateway) {
        return new RawHttpLlmClient(gateway);
    }
}
