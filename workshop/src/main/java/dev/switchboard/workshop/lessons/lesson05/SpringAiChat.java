package dev.switchboard.workshop.lessons.lesson05;

import java.time.Duration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Gap;
import reactor.core.publisher.Flux;

/**
 * LESSON 5 — YOUR FILE. Spring AI's {@link ChatClient}, built in code (no Spring Boot): complete the
 * three methods, replacing each {@code throw new Gap(...)}; the imports you need are already there.
 * Mirrors {@code examples-spring-ai}'s {@code NonStreamingChat} and {@code StreamingChat}. Check with
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=5}.
 */
public final class SpringAiChat implements SpringAiWork {

    @Override
    public ChatClient chatClient(Endpoint endpoint) {
        // GAP 1: OpenAiChatModel.builder().options(OpenAiChatOptions.builder()
        //     .baseUrl(endpoint.baseUrl())              used as given: it must end in /v1
        //     .apiKey(endpoint.apiKeyOrPlaceholder())   the SDK underneath refuses to start without one
        //     .model(endpoint.chatModel())
        //     .timeout(Duration.ofMinutes(10))          in Spring AI 2.0.1 this limits the WHOLE call, streams included
        //     .maxRetries(0)                            Spring AI's default 3 would re-run a generation
        //     .build()).build()
        // then wrap it: ChatClient.create(chatModel)
        throw new Gap("build the ChatClient in SpringAiChat.chatClient: an OpenAiChatModel with OpenAiChatOptions "
                + "(the endpoint's baseUrl with /v1, apiKeyOrPlaceholder(), chat model, a timeout, maxRetries(0)), "
                + "then ChatClient.create(chatModel)");
    }

    @Override
    public String ask(ChatClient client, String prompt) {
        // GAP 2: client.prompt().user(prompt).call().content()
        throw new Gap("ask in SpringAiChat.ask: client.prompt().user(prompt).call().content()");
    }

    @Override
    public Flux<String> stream(ChatClient client, String prompt) {
        // GAP 3: client.prompt().user(prompt).stream().content()
        // Nothing is sent until someone subscribes to the Flux (the check does).
        throw new Gap("stream in SpringAiChat.stream: client.prompt().user(prompt).stream().content()");
    }
}
