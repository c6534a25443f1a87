package dev.switchboard.workshop.lessons.lesson05.solution;

import java.time.Duration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.lesson05.SpringAiWork;
import reactor.core.publisher.Flux;

/**
 * Lesson 5's reference solution: the learner's {@code lesson05.SpringAiChat} with its gaps filled, as
 * in {@code examples-spring-ai}'s {@code NonStreamingChat} and {@code StreamingChat}.
 */
public final class SpringAiChat implements SpringAiWork {

    @Override
    public ChatClient chatClient(Endpoint endpoint) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())             // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder())  // the SDK requires one; local servers ignore it
                        .model(endpoint.chatModel())
                        .timeout(Duration.ofMinutes(10))         // limits the WHOLE call, streams included, in 2.0.1
                        .maxRetries(0)                           // a retry would re-run the generation
                        .build())
                .build();
        return ChatClient.create(chatModel);
    }

    @Override
    public String ask(ChatClient client, String prompt) {
        return client.prompt().user(prompt).call().content();
    }

    @Override
    public Flux<String> stream(ChatClient client, String prompt) {
        return client.prompt().user(prompt).stream().content();
    }
}
