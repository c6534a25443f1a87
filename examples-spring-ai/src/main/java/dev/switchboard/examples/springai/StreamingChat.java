package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import reactor.core.publisher.Flux;

/**
 * Scenario 2, streaming chat: the answer arrives piece by piece as a Reactor {@link Flux} of
 * strings, from {@code chatClient.prompt().user(...).stream().content()}: one element per
 * {@code delta.content} of the {@code POST {baseUrl}/chat/completions} stream ({@code "stream": true}).
 * Nothing is sent until the {@code Flux} is subscribed to; {@code toIterable()} subscribes and hands
 * each piece to this thread as it arrives.
 */
public final class StreamingChat {

    /** Streams an answer to standard output; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, "Count from one to ten in words.",
                token -> { System.out.print(token); System.out.flush(); });
        System.out.println();
        System.exit(0); // the SDK streams on non-daemon threads that stay idle for 60 s
    }

    /**
     * Sends {@code prompt} as one user message and streams the answer.
     *
     * @param baseUrl an OpenAI-compatible base URL, used as given, so ending in {@code /v1}
     * @param apiKey  sent as a bearer token; local servers ignore it, but the SDK requires one
     * @param model   the chat model
     * @param prompt  the user's message
     * @param onToken called on this thread with each non-empty piece of text, in order, as it arrives
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached or the stream breaks
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt, Consumer<String> onToken) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(baseUrl)                       // used as given: include /v1
                        .apiKey(apiKey)
                        .model(model)
                        .maxTokens(512)                         // bounds the answer: max_tokens
                        .timeout(Duration.ofMinutes(10))        // limits the WHOLE stream in Spring AI 2.0.1
                        .maxRetries(0)                          // a retry would re-run the generation
                        .build())
                .build();
        Flux<String> tokens = ChatClient.create(chatModel).prompt().user(prompt).stream().content()
                .onBackpressureBuffer(); // Spring AI fails a stream whose reader falls behind a bounded demand

        StringBuilder answer = new StringBuilder();
        for (String token : tokens.toIterable()) {
            if (!token.isEmpty()) {
                onToken.accept(token);
                answer.append(token);
            }
        }
        return answer.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
