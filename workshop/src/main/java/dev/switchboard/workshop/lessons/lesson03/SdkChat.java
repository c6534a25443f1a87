package dev.switchboard.workshop.lessons.lesson03;

import java.time.Duration;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Gap;

/**
 * LESSON 3 — YOUR FILE. The official openai-java SDK: complete {@link #client} and {@link #stream},
 * replacing each {@code throw new Gap(...)}. {@link #ask} is written for you: read it first.
 * Mirrors {@code examples-openai-java}'s {@code NonStreamingChat} and {@code StreamingChat}.
 * The imports you need are already there.
 * Check with {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=3}.
 */
public final class SdkChat implements SdkWork {

    @Override
    public OpenAIClient client(Endpoint endpoint) {
        // GAP 1: build the client with OpenAIOkHttpClient.builder():
        //  - baseUrl: endpoint.baseUrl(), which already ends in /v1 (the SDK appends chat/completions)
        //  - apiKey: the SDK refuses to start without one, and endpoint.apiKey() is null for a local
        //    server: send endpoint.apiKeyOrPlaceholder() ("no-key-required")
        //  - timeout: Timeout.builder().read(endpoint.readTimeout()).request(Duration.ZERO).build()
        //    (the longest silence, not a limit on the whole answer)
        //  - maxRetries(0): the default 2 re-sends a timed-out request, a whole new generation
        throw new Gap("build the client in SdkChat.client: OpenAIOkHttpClient.builder() with the endpoint's "
                + "baseUrl (with /v1), apiKeyOrPlaceholder(), a read Timeout and maxRetries(0)");
    }

    @Override
    public String ask(OpenAIClient client, String model, String prompt) {
        // Written for you: one request, one whole answer.
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(model).addUserMessage(prompt).build();
        ChatCompletion completion = client.chat().completions().create(params);
        return completion.choices().get(0).message().content().orElse("");
    }

    @Override
    public String stream(OpenAIClient client, String model, String prompt, Consumer<String> onDelta) {
        // GAP 2: the same params as ask(), then
        //  try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
        //      stream.stream() -> each chunk's choices() -> each choice's delta().content() (an Optional)
        //      -> skip empty text -> onDelta.accept(text) and append it to the answer
        //  }
        // The try-with-resources closes the stream, which frees the connection, also when you stop early.
        throw new Gap("stream the answer in SdkChat.stream: client.chat().completions().createStreaming(params) "
                + "in try-with-resources, handing each non-empty delta().content() to onDelta");
    }
}
