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
import dev.langchain4j.model.ollama.OllamaChatModel;

/**
 * Multi-turn chat, Ollama-native: a {@link ChatMemory} keeps the conversation and every turn sends
 * all of it to {@code POST {rootUrl}/api/chat}. {@link MessageWindowChatMemory} keeps the last 20
 * messages.
 */
public final class OllamaMultiTurnChat {

    private OllamaMultiTurnChat() {
    }

    /** Prints both replies. Environment: LLM_BASE_URL (its root), LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        run(rootUrl, env("LLM_MODEL", "qwen3:0.6b"), System.out::println);
    }

    /**
     * Sends "Hi! My name is Alice." then "What is my name?" (with the first turn before it) and returns
     * the two replies, each also given to {@code onReply} as it comes.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure
     */
    public static List<String> run(String rootUrl, String model, Consumer<String> onReply) {
        ChatModel chat = OllamaChatModel.builder()
                .baseUrl(rootUrl).modelName(model).numPredict(512) // Ollama's max_tokens: bounds each answer
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
