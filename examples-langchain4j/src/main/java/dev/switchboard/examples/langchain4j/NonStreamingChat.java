package dev.switchboard.examples.langchain4j;

import java.time.Duration;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Non-streaming chat, OpenAI-compatible: LangChain4j's {@link OpenAiChatModel} against any
 * {@code /v1} server. Sends {@code POST {baseUrl}/chat/completions} with {@code "stream": false} and
 * returns {@code choices[0].message.content}.
 */
public final class NonStreamingChat {

    private NonStreamingChat() {
    }

    /** Prints one answer. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_MODEL; blank counts as unset. */
    public static void main(String[] args) {
        System.out.println(run(env("LLM_BASE_URL", "http://localhost:11434/v1"), env("LLM_API_KEY", "no-key-required"),
                env("LLM_MODEL", "qwen3:0.6b"), "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to {@code baseUrl} (with {@code /v1}, e.g.
     * {@code http://localhost:11434/v1}) and returns the answer's text. Local servers ignore
     * {@code apiKey}, but LangChain4j requires one.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure, e.g. its
     *         {@code ModelNotFoundException} for a 404, {@code TimeoutException} after 120 s without an answer
     */
    public static String run(String baseUrl, String apiKey, String model, String prompt) {
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl)                          // with /v1; LangChain4j appends chat/completions
                .apiKey(apiKey)
                .modelName(model)
                .maxTokens(512)                            // bounds the answer: max_tokens
                .timeout(Duration.ofSeconds(120))          // the default 60 s is short for a cold local model
                .maxRetries(0)                             // the default 2 would re-run a slow generation
                .build();
        return chat.chat(prompt);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
