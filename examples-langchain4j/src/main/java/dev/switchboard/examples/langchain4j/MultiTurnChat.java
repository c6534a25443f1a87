package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Multi-turn chat, OpenAI-compatible: the server remembers nothing, so a {@link ChatMemory} keeps the
 * conversation and every turn sends all of it as {@code messages}. {@link MessageWindowChatMemory}
 * keeps the last 20 messages.
 */
public final class MultiTurnChat {

    private MultiTurnChat() {
    }

    /** Prints both replies. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_MODEL; blank counts as unset. */
    public static void main(String[] args) {
        run(env("LLM_BASE_URL", "http://localhost:11434/v1"), env("LLM_API_KEY", "no-key-required"),
                env("LLM_MODEL", "qwen3:0.6b"), System.out::println);
    }

    /**
     * Sends "Hi! My name is Alice." then "What is my name?" (with the first turn before it) and returns
     * the two replies, each also given to {@code onReply} as it comes.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure
     */
    public static List<String> run(String baseUrl, String apiKey, String model, Consumer<String> onReply) {
        ChatModel chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model).maxTokens(512) // bounds each answer
                .timeout(Duration.ofSeconds(120)).maxRetries(0)
                .build();
        ChatMemory memory = MessageWindowChatMemory.withMaxMessages(20);

        List<String> replies = new ArrayList<>();
        for (String turn : List.of("Hi! My name is Alice.", "What is my name?")) {
            memory.add(UserMessage.from(turn));
            AiMessage reply = chat.chat(memory.messages()).aiMessage();
            memory.add(reply);
            replies.add(reply.text());
            onReply.accept(reply.text());
        }
        return replies;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
