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

import dev.switchboard.core.Endpoint;

/**
 * Scenario 3, multi-turn chat: the server remembers nothing between requests, so something on the
 * client must send the conversation again each time. In Spring AI that is a chat-memory advisor:
 * {@link MessageChatMemoryAdvisor} over a {@link MessageWindowChatMemory} (the last 20 messages,
 * in memory) adds the stored history of a conversation to each prompt and stores each answer.
 *
 * <p>Turn one sends {@code [user "Hi! My name is Alice."]}; turn two sends
 * {@code [user "Hi! My name is Alice.", assistant <reply 1>, user "What is my name?"]}. Each turn
 * is a non-streaming {@code POST {baseUrl}/chat/completions}.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class MultiTurnChat {

    /** The user's two messages, sent one per turn. */
    static final List<String> USER_TURNS = List.of("Hi! My name is Alice.", "What is my name?");

    private MultiTurnChat() {
    }

    /**
     * Has the two-turn conversation with the endpoint in the environment, printing each reply.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY}, {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" in one conversation; the advisor
     * sends the first exchange again with the second question. Two requests in all.
     *
     * @param endpoint the base URL (with {@code /v1}), key and chat model
     * @param onReply  called with each assistant reply as soon as it arrives
     * @return the two assistant replies, in order
     * @throws com.openai.errors.OpenAIServiceException for an error status, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static List<String> run(Endpoint endpoint, Consumer<String> onReply) {
        OpenAiChatModel chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder())
                        .model(endpoint.chatModel())
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
                .build();
        ChatMemory memory = MessageWindowChatMemory.builder().build();
        ChatClient chatClient = ChatClient.builder(chatModel)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
                .build();

        List<String> replies = new ArrayList<>();
        for (String userText : USER_TURNS) {
            String reply = chatClient.prompt()
                    .user(userText)
                    .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, "alice"))
                    .call()
                    .content();
            onReply.accept(reply);
            replies.add(reply);
        }
        return replies;
    }
}
