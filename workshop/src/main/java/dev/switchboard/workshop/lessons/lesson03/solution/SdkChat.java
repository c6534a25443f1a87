package dev.switchboard.workshop.lessons.lesson03.solution;

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
import dev.switchboard.workshop.lessons.lesson03.SdkWork;

/**
 * Lesson 3's reference solution: the learner's {@code lesson03.SdkChat} with its gaps filled, as in
 * {@code examples-openai-java}'s {@code NonStreamingChat} and {@code StreamingChat}.
 */
public final class SdkChat implements SdkWork {

    @Override
    public OpenAIClient client(Endpoint endpoint) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint.baseUrl())                 // with /v1: the SDK appends chat/completions
                .apiKey(endpoint.apiKeyOrPlaceholder())      // required by the SDK, ignored by local servers
                .timeout(Timeout.builder().read(endpoint.readTimeout()).request(Duration.ZERO).build())
                .maxRetries(0)                               // a retry would be a whole new generation
                .build();
    }

    @Override
    public String ask(OpenAIClient client, String model, String prompt) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(model).addUserMessage(prompt).build();
        ChatCompletion completion = client.chat().completions().create(params);
        return completion.choices().get(0).message().content().orElse("");
    }

    @Override
    public String stream(OpenAIClient client, String model, String prompt, Consumer<String> onDelta) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(model).addUserMessage(prompt).build();
        StringBuilder answer = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .filter(text -> !text.isEmpty())
                    .forEach(text -> {
                        onDelta.accept(text);
                        answer.append(text);
                    });
        }
        return answer.toString();
    }
}
