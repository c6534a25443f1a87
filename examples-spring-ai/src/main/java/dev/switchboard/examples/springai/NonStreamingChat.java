package dev.switchboard.examples.springai;

import java.time.Duration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Scenario 1, non-streaming chat: one question, one whole answer, through Spring AI's fluent
 * {@link ChatClient} over an {@link OpenAiChatModel} built in code (no Spring Boot).
 *
 * <p>{@code chatClient.prompt().user(...).call().content()} sends one
 * {@code POST {baseUrl}/chat/completions} with {@code "stream": false} and returns
 * {@code choices[0].message.content}. Spring AI 2.0.1 sends it through the official openai-java SDK.
 */
public final class NonStreamingChat {

    /** Asks one question and prints the answer; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message and waits for the whole answer.
     *
     * @param baseUrl an OpenAI-compatible base URL, used as given, so ending in {@code /v1}
     * @param apiKey  sent as a bearer token; local servers ignore it, but the SDK requires one
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param prompt  the user's message
     * @return the answer text
     * @throws com.openai.errors.OpenAIServiceException for an error status: the subclass names it
     *         ({@code NotFoundException} for 404, ...) and carries the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(baseUrl)                       // used as given: include /v1
                        .apiKey(apiKey)
                        .model(model)
                        .maxTokens(512)                         // bounds the answer: max_tokens
                        .timeout(Duration.ofMinutes(5))         // the whole call: loading a local model takes time
                        .maxRetries(0)                          // Spring AI's default 3 would re-run a generation
                        .build())
                .build();
        return ChatClient.create(chatModel).prompt().user(prompt).call().content();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
