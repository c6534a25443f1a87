package dev.switchboard.examples.springai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Ollama's native API, non-streaming: the same {@code ChatClient} call as {@link NonStreamingChat}
 * over Spring AI's {@link OllamaChatModel}. One {@code POST {rootUrl}/api/chat} with
 * {@code "stream": false}; the answer is {@code message.content}. The URL is Ollama's root,
 * <em>without</em> {@code /v1}.
 */
public final class OllamaNonStreamingChat {

    /** Asks one question and prints the answer; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(rootUrl, model, "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message and waits for the whole answer.
     *
     * @param rootUrl Ollama's root URL, e.g. {@code http://localhost:11434}
     * @param model   the chat model, e.g. {@code qwen3:0.6b}
     * @param prompt  the user's message
     * @return the answer text
     * @throws org.springframework.ai.retry.NonTransientAiException for a 4xx status (e.g. a model that
     *         is not pulled), with the server's body
     * @throws org.springframework.ai.retry.TransientAiException    for a 5xx status
     */
    public static String run(String rootUrl, String model, String prompt) {
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(rootUrl).build())     // Ollama's root: no /v1
                .options(OllamaChatOptions.builder().model(model).numPredict(512).build()) // numPredict bounds the answer
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0))) // a retry re-runs a generation
                .build();
        return ChatClient.create(chatModel).prompt().user(prompt).call().content();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
