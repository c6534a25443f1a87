package dev.switchboard.benchmarks;

import java.time.Duration;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * Reads the stream with the official openai-java SDK's own streaming API, as an application would
 * without Switchboard: {@code client.chat().completions().createStreaming(params)} in
 * try-with-resources, counting every non-empty {@code choices[0].delta.content}. The client has the
 * same settings as the {@code openai-java} adapter (30 s read timeout, no whole-call timeout, no
 * retries), without the adapter's per-stream end-marker watch.
 */
public final class OpenAiJavaSdkReader implements StreamReader {

    private final OpenAIClient client;
    private final ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
            .model("bench").addUserMessage("go").build();

    /** Reads from {@code baseUrl} (with {@code /v1}). */
    public OpenAiJavaSdkReader(String baseUrl) {
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl)
                .apiKey("no-key-required")
                .timeout(Timeout.builder().read(Duration.ofSeconds(30)).request(Duration.ZERO).build())
                .maxRetries(0)
                .build();
    }

    @Override
    public long read(FirstDelta firstDelta) {
        long deltas = 0;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    String content = choice.delta().content().orElse("");
                    if (!content.isEmpty()) {
                        if (deltas == 0) {
                            firstDelta.at(System.nanoTime());
                        }
                        deltas++;
                    }
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
