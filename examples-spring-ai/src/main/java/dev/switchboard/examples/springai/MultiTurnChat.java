package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Scenario 3, multi-turn chat: the server remembers nothing between requests, so the client sends
 * the conversation again each time. In Spring AI that is a chat-memory advisor:
 * {@link MessageChatMemoryAdvisor} over a {@link MessageWindowChatMemory} (the last 20 messages,
 * in memory) adds the stored history to each prompt and stores each answer. Turn two sends
 * {@code [user "Hi! My name is Alice.", assistant <reply 1>, user "What is my name?"]} in one
 * {@code POST {baseUrl}/chat/completions}.
 */
public final class MultiTurnChat {

    /** Has the two-turn conversation, printing each reply; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        run(baseUrl, apiKey, model, reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" in one conversation: two requests.
     *
     * @param baseUrl an OpenAI-compatible base URL, used as given, so ending in {@code /v1}
     * @param apiKey  sent as a bearer token; local servers ignore it, but the SDK requires one
     * @param model   the chat model
     * @param onReply called with each assistant reply as soon as it arrives
     * @return the two replies, in order
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static List<String> run(String baseUrl, String apiKey, String model, Consumer<String> onReply) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(baseUrl)                       // used as given: include /v1
                        .apiKey(apiKey)
                        .model(model)
                        .maxTokens(512)                         // bounds the answer: max_tokens
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
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
