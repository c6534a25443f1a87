package dev.switchboard.workshop.lessons.lesson04;

import dev.langchain4j.model.chat.ChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Lesson 4's work: LangChain4j's two flavours of chat model, and an AI Service with a system message.
 * The learner's {@link LangChain4jChat} and the reference {@code solution.LangChain4jChat} implement it.
 */
public interface LangChain4jWork {

    /**
     * The OpenAI-compatible flavour: an {@code OpenAiChatModel} on {@code endpoint.baseUrl()} (with {@code /v1}).
     *
     * @param endpoint the base URL, key (maybe none), chat model and read timeout to use
     */
    ChatModel openAi(Endpoint endpoint);

    /**
     * The Ollama-native flavour: an {@code OllamaChatModel} on {@code endpoint.rootUrl()} (no {@code /v1}).
     *
     * @param endpoint the root URL, chat model and read timeout to use
     */
    ChatModel ollama(Endpoint endpoint);

    /**
     * Asks {@code question} through an {@code AiServices} interface whose method carries a
     * {@code @SystemMessage}, over {@code model}.
     *
     * @param model the chat model the AI Service talks through (the check gives one)
     * @return the AI Service's answer
     */
    String askAssistant(ChatModel model, String question);
}
