package dev.switchboard.examples.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Ollama's native API, multi-turn: the same chat-memory advisor as {@link MultiTurnChat} over
 * Spring AI's {@link OllamaChatModel}. Each turn is one {@code POST {rootUrl}/api/chat} whose
 * {@code messages} carry the history. The URL is Ollama's root, <em>without</em> {@code /v1}.
 */
public final class OllamaMultiTurnChat {

    /** Has the two-turn conversation, printing each reply; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(rootUrl, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" in one conversation: two requests.
     *
     * @param rootUrl Ollama's root URL, e.g. {@code http://localhost:11434}
     * @param model   the chat model
     * @param onReply called with each assistant reply as soon as it arrives
     * @return the two replies, in order
     * @throws org.springframework.ai.retry.NonTransientAiException for a 4xx status, with the server's body
     * @throws org.springframework.ai.retry.TransientAiException    for a 5xx status
     */
    public static List<String> run(String rootUrl, String model, Consumer<String> onReply) {
        OllamaChatModel chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(rootUrl).build())     // Ollama's root: no /v1
                .options(OllamaChatOptions.builder().model(model).numPredict(512).build()) // numPredict bounds the answer
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0))) // a retry re-runs a generation
                .build();
        ChatMemory memory = MessageWindowChatMemory.builder().build();
        ChatClient chatClient = ChatClient.builder(chatModel)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
                .build();

        List<String> replies = new ArrayList<>();
        for (String userText : List.of("Hi! My name is Alice.", "What is my name?")) {
            String reply = chatClient.prompt().user(userText)
                    .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, "alice")) // which history
                    .call().content();
            onReply.accept(reply);
            replies.add(reply);
        }
        return replies;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
