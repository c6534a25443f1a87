package dev.switchboard.examples.langchain4j;

import java.time.Duration;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;

/**
 * Non-streaming chat, Ollama-native: LangChain4j's {@link OllamaChatModel} against Ollama's own API.
 * Sends {@code POST {rootUrl}/api/chat} with {@code "stream": false} and returns
 * {@code message.content}. No API key: Ollama has none.
 */
public final class OllamaNonStreamingChat {

    private OllamaNonStreamingChat() {
    }

    /** Prints one answer. Environment: LLM_BASE_URL (its root, without /v1), LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        System.out.println(run(rootUrl, env("LLM_MODEL", "qwen3:0.6b"), "Why is the sky blue? In one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to Ollama at {@code rootUrl} (without {@code /v1}, e.g.
     * {@code http://localhost:11434}) and returns the answer's text.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure, e.g. its
     *         {@code ModelNotFoundException} for a model Ollama does not have
     */
    public static String run(String rootUrl, String model, String prompt) {
        ChatModel chat = OllamaChatModel.builder()
                .baseUrl(rootUrl)                          // no /v1; LangChain4j appends api/chat
                .modelName(model)
                .numPredict(512)                           // Ollama's max_tokens: bounds the answer
                .timeout(Duration.ofSeconds(120))
                .maxRetries(0)
                .build();
        return chat.chat(prompt);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
