package dev.switchboard.benchmarks;

import java.time.Duration;

import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Reads the stream through Spring AI's own streaming API, {@link OpenAiChatModel#stream(Prompt)},
 * consumed directly: each {@code ChatResponse} is looked at on the thread that delivers it
 * (openai-java's stream handler) and {@code blockLast()} waits for the end. The model is built the
 * documented programmatic way, from {@link OpenAiChatOptions} with the base URL, no retries, and a
 * timeout well above the stream's length (Spring AI 2.0.1 applies it to the whole stream).
 */
public final class SpringAiReader implements StreamReader {

    private final OpenAiChatModel model;
    private final Prompt prompt;

    /** Reads from {@code baseUrl} (with {@code /v1}). */
    public SpringAiReader(String baseUrl) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(baseUrl)
                .apiKey("no-key-required")
                .model("bench")
                .timeout(Duration.ofSeconds(30))
                .maxRetries(0)
                .build();
        this.model = OpenAiChatModel.builder().options(options).build();
        this.prompt = new Prompt("go", options);
    }

    @Override
    public long read(FirstDelta firstDelta) {
        long[] deltas = {0};
        model.stream(prompt).doOnNext(answer -> {
            Generation generation = answer.getResult();
            String text = generation == null ? null : generation.getOutput().getText();
            if (text != null && !text.isEmpty()) {
                if (deltas[0] == 0) {
                    firstDelta.at(System.nanoTime());
                }
                deltas[0]++;
            }
        }).blockLast();
        return deltas[0];
    }

    /** Nothing to release: Spring AI's model has no close; its SDK clients' threads are daemons or idle out. */
    @Override
    public void close() {
    }
}
