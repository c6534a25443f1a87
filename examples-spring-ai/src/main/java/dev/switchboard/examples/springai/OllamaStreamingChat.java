package dev.switchboard.examples.springai;

import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;

import dev.switchboard.core.Endpoint;

/**
 * Ollama's native API, streaming: the same {@code ChatClient} call as {@link StreamingChat}, over
 * Spring AI's {@link OllamaChatModel} instead of the OpenAI one. It talks to
 * {@code POST {rootUrl}/api/chat}, where Ollama streams newline-delimited JSON, one
 * {@code message.content} per line, until {@code "done": true}.
 *
 * <p>The base URL is Ollama's root, <em>without</em> {@code /v1} (e.g. {@code http://localhost:11434}).
 * The model is built in code: Spring AI 2.0.1's Ollama starter (Boot auto-configuration) is not
 * published for 2.0.1.
 *
 * <p>Run {@link #main} against a local Ollama; the module README shows the command.
 */
public final class OllamaStreamingChat {

    private OllamaStreamingChat() {
    }

    /**
     * Streams an answer from the Ollama in the environment to standard output.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}; a trailing {@code /v1} is dropped for the native API),
     * {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} as one user message to {@code /api/chat} and streams the answer.
     *
     * @param endpoint its {@link Endpoint#rootUrl()} is Ollama's root; its chat model is used
     * @param prompt   the user's message
     * @param onToken  called with each piece of text as it arrives, in order
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws org.springframework.web.reactive.function.client.WebClientResponseException for an error
     *         status (e.g. 404 for a model that is not pulled), with the server's body
     */
    public static String run(Endpoint endpoint, String prompt, Consumer<String> onToken) {
        OllamaApi ollamaApi = OllamaApi.builder()
                .baseUrl(endpoint.rootUrl())                    // Ollama's root: no /v1
                .build();
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(ollamaApi)
                .options(OllamaChatOptions.builder().model(endpoint.chatModel()).build())
                .build();
        ChatClient chatClient = ChatClient.create(chatModel);

        return chatClient.prompt()
                .user(prompt)
                .stream()
                .content()
                .doOnNext(onToken)
                .collect(Collectors.joining())
                .block();
    }
}
