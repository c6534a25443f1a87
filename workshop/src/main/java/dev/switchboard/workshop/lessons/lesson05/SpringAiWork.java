package dev.switchboard.workshop.lessons.lesson05;

import org.springframework.ai.chat.client.ChatClient;

import dev.switchboard.core.Endpoint;
import reactor.core.publisher.Flux;

/**
 * Lesson 5's work: Spring AI's {@link ChatClient} built in code over an {@code OpenAiChatModel},
 * one whole answer and one streamed. The learner's {@link SpringAiChat} and the reference
 * {@code solution.SpringAiChat} implement it.
 */
public interface SpringAiWork {

    /**
     * Builds a {@link ChatClient} over an {@code OpenAiChatModel} for {@code endpoint}.
     *
     * @param endpoint the base URL (with {@code /v1}), key (maybe none) and chat model to use
     */
    ChatClient chatClient(Endpoint endpoint);

    /** Asks {@code prompt} and returns the whole answer: {@code .call().content()}. */
    String ask(ChatClient client, String prompt);

    /** Asks {@code prompt} and returns the answer's pieces as they come: {@code .stream().content()}. */
    Flux<String> stream(ChatClient client, String prompt);
}
