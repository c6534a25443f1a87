package dev.switchboard.examples.langchain4j;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 3, multi-turn chat, OpenAI-compatible flavour: the server remembers nothing, so a
 * LangChain4j {@link ChatMemory} keeps the conversation and every turn sends all of it.
 *
 * <p>{@link MessageWindowChatMemory} keeps the last 20 messages (older ones are dropped, a
 * {@code SystemMessage} is kept); each turn adds the user's message, sends
 * {@code memory.messages()} to {@code POST {baseUrl}/chat/completions}, and adds the answer.
 * {@link OllamaMultiTurnChat} is the same through Ollama's native API.
 */
public final class MultiTurnChat {

    private MultiTurnChat() {
    }

    /**
     * Introduces Alice, then asks for her name, and prints both answers. Environment:
     * {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), List.of("Hi! My name is Alice.", "What is my name?"))
                .forEach(System.out::println);
    }

    /**
     * Sends the turns one after the other, each with the conversation so far.
     *
     * @param endpoint base URL with {@code /v1}, key, chat model, read timeout
     * @param turns    the user's messages, in order
     * @return one answer per turn, in order
     * @throws dev.langchain4j.exception.LangChain4jException subclasses on failure
     */
    public static List<String> run(Endpoint endpoint, List<String> turns) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        ChatMemory memory = MessageWindowChatMemory.withMaxMessages(20);

        List<String> answers = new ArrayList<>();
        for (String turn : turns) {
            memory.add(UserMessage.from(turn));
            AiMessage answer = model.chat(memory.messages()).aiMessage();
            memory.add(answer);
            answers.add(answer.text());
        }
        return answers;
    }
}
