package dev.switchboard.examples.springai;

import java.time.Duration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 1, non-streaming chat: one question, one whole answer, through Spring AI's fluent
 * {@link ChatClient} over an {@link OpenAiChatModel} built in code (no Spring Boot).
 *
 * <p>{@code chatClient.prompt().user(...).call().content()} sends one
 * {@code POST {baseUrl}/chat/completions} with {@code "stream": false} and returns
 * {@code choices[0].message.content}. Spring AI 2.0.1's OpenAI model is built on the official
 * openai-java SDK, which sends the request.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class NonStreamingChat {

    private NonStreamingChat() {
    }

    /**
     * Asks one question of the endpoint in the environment and prints the answer.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY}, {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(Endpoint.fromEnvironment(), "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code question} as one user message and waits for the whole answer.
     *
     * @param endpoint the base URL (with {@code /v1}), key and chat model
     * @param question the user's message
     * @return the answer text
     * @throws com.openai.errors.OpenAIServiceException for an error status: the subclass names it
     *         ({@code NotFoundException} for 404, ...) and carries the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static String run(Endpoint endpoint, String question) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder()) // the SDK refuses to run without a key
                        .model(endpoint.chatModel())
                        .timeout(Duration.ofMinutes(5))         // the whole call: loading a local model takes time
                        .maxRetries(0)                          // Spring AI's default 3 would re-run a generation
                        .build())
                .build();
        ChatClient chatClient = ChatClient.create(chatModel);

        return chatClient.prompt()
                .user(question)
                .call()
                .content();
    }
}
