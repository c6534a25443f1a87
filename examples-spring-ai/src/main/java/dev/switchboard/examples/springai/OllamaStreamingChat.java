package dev.switchboard.examples.springai;

import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;

import reactor.core.publisher.Flux;

/**
 * Ollama's native API, streaming: {@link StreamingChat}'s {@code ChatClient} stream over {@link OllamaChatModel},
 * reading {@code POST {rootUrl}/api/chat}: newline-delimited JSON, one {@code message.content} per line,
 * until {@code "done": true}. The URL is Ollama's root, <em>without</em> {@code /v1}.
 */
public final class OllamaStreamingChat {

    /** Streams an answer to standard output; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(rootUrl, model, "Count from one to ten in words.",
                token -> { System.out.print(token); System.out.flush(); });
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message to {@code /api/chat} and streams the answer.
     *
     * @param rootUrl Ollama's root URL, e.g. {@code http://localhost:11434}
     * @param model   the chat model
     * @param prompt  the user's message
     * @param onToken called on this thread with each non-empty piece of text, in order, as it arrives
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws org.springframework.web.reactive.function.client.WebClientResponseException for an error
     *         status (e.g. 404 for a model that is not pulled), with the server's body
     */
    public static String run(String rootUrl, String model, String prompt, Consumer<String> onToken) {
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(rootUrl).build())     // Ollama's root: no /v1
                .options(OllamaChatOptions.builder().model(model).numPredict(512).build()) // numPredict bounds the answer
                .build();
        Flux<String> tokens = ChatClient.create(chatModel).prompt().user(prompt).stream().content()
                .onBackpressureBuffer(); // no bounded demand upstream: a slow reader must not fail the stream

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
