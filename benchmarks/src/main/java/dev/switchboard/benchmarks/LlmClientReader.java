package dev.switchboard.benchmarks;

import java.time.Duration;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;

/** Reads the stream through a style's {@link LlmClient} adapter, found by style name. */
public final class LlmClientReader implements StreamReader {

    private final LlmClient client;
    private final ChatRequest request = ChatRequest.builder().model("bench").user("go").build();

    /** Reads from {@code baseUrl} (with {@code /v1}) through the style named {@code style}. */
    public LlmClientReader(String style, String baseUrl) {
        Endpoint endpoint = Endpoint.builder().baseUrl(baseUrl).chatModel("bench")
                .readTimeout(Duration.ofSeconds(30)).build();
        this.client = LlmClients.create(style, endpoint);
    }

    @Override
    public long read(FirstDelta firstDelta) {
        long deltas = 0;
        try (ChatStream stream = client.stream(request)) {
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta) {
                    if (deltas == 0) {
                        firstDelta.at(System.nanoTime());
                    }
                    deltas++;
                }
            }
        }
        return deltas;
    }

    @Override
    public void close() {
        client.close();
    }
}
