package dev.switchboard.examples.springai.boot;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

/**
 * {@code GET /chat?q=<question>}: the model's answer as server-sent events, one event per piece of
 * text as the model produces it ({@code data:<text>}), then one {@code event:done} with no data.
 * The end event lets a client tell a finished answer from a dropped connection (the events
 * themselves carry only text, which may be anything). If the model call fails, the stream ends
 * with {@code event:error} and the failure's message as data.
 *
 * <p>WebFlux writes each event as soon as Spring AI delivers it; a client that disconnects
 * cancels the {@code Flux}, which closes the call to the model.
 */
@RestController
public class ChatController {

    private final ChatClient chatClient;

    /**
     * @param chatClientBuilder provided by Spring AI's auto-configuration, over the configured
     *                          {@code OpenAiChatModel}
     */
    public ChatController(ChatClient.Builder chatClientBuilder) {
        this.chatClient = chatClientBuilder.build();
    }

    /**
     * Streams the answer to {@code q}.
     *
     * @param q the user's message; required (400 without it)
     * @return the answer's pieces as {@code message} events, then {@code done} (or {@code error})
     */
    @GetMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> chat(@RequestParam String q) {
        return chatClient.prompt()
                .user(q)
                .stream()
                .content()
                .map(text -> ServerSentEvent.builder(text).build())
                .concatWith(Flux.just(ServerSentEvent.<String>builder().event("done").build()))
                .onErrorResume(e -> Flux.just(ServerSentEvent.builder(String.valueOf(e.getMessage()))
                        .event("error").build()));
    }
}
