package dev.switchboard.workshop.lessons.lesson03;

import java.util.function.Consumer;

import com.openai.client.OpenAIClient;

import dev.switchboard.core.Endpoint;

/**
 * Lesson 3's work: the official openai-java SDK's client, one whole answer, and one streamed
 * answer. The learner's {@link SdkChat} and the reference {@code solution.SdkChat} implement it.
 */
public interface SdkWork {

    /**
     * Builds the SDK's client for {@code endpoint}.
     *
     * @param endpoint the base URL (with {@code /v1}), the key (maybe none) and the read timeout to use
     * @return a client; the caller closes it
     */
    OpenAIClient client(Endpoint endpoint);

    /**
     * Asks {@code prompt} and waits for the whole answer.
     *
     * @return {@code choices[0].message.content}, or "" when the model sent no text
     */
    String ask(OpenAIClient client, String model, String prompt);

    /**
     * Asks {@code prompt} with {@code "stream": true}, handing each non-empty {@code delta.content}
     * to {@code onDelta} as it arrives.
     *
     * @return the deltas joined
     */
    String stream(OpenAIClient client, String model, String prompt, Consumer<String> onDelta);
}
