package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import dev.switchboard.core.Endpoint;
import reactor.core.publisher.Flux;

/**
 * Scenario 2, streaming chat: the answer arrives piece by piece as a Reactor {@link Flux} of
 * strings, from {@code chatClient.prompt().user(...).stream().content()}.
 *
 * <p>Underneath, one {@code POST {baseUrl}/chat/completions} with {@code "stream": true}; the SDK
 * reads the server-sent events and Spring AI turns each chunk's {@code delta.content} into one
 * element of the {@code Flux}. Nothing is sent until the {@code Flux} is subscribed to; here
 * {@code block()} subscribes and waits.
 *
 * <p>Pitfall, set below: in Spring AI 2.0.1 the options' {@code timeout} limits the <em>whole</em>
 * call, streams included (60 s by default; fixed in 2.0.2). A long answer from a slow local model
 * is cut off by it, so it is raised here.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class StreamingChat {

    private StreamingChat() {
    }

    /**
     * Streams an answer from the endpoint in the environment to standard output as it arrives.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY}, {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
        // The SDK streams on non-daemon threads that stay idle for 60 s; a command-line program ends here.
        System.exit(0);
    }

    /**
     * Sends {@code prompt} as one user message and streams the answer.
     *
     * @param endpoint the base URL (with {@code /v1}), key and chat model
     * @param prompt   the user's message
     * @param onToken  called with each piece of text as it arrives, in order, on the SDK's stream thread
     * @return the whole answer: every piece given to {@code onToken}, joined
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached or the stream breaks
     */
    public static String run(Endpoint endpoint, String prompt, Consumer<String> onToken) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder())
                        .model(endpoint.chatModel())
                        .timeout(Duration.ofMinutes(10))        // limits the WHOLE stream in Spring AI 2.0.1
                        .maxRetries(0)                          // a retry would re-run the generation
                        .build())
                .build();
        ChatClient chatClient = ChatClient.create(chatModel);

        Flux<String> tokens = chatClient.prompt()
                .user(prompt)
                .stream()
                .content();

        return tokens.doOnNext(onToken)
                .collect(Collectors.joining())
                .block();
    }
}
