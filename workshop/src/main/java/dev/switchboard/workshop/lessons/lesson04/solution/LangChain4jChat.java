package dev.switchboard.workshop.lessons.lesson04.solution;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.lesson04.LangChain4jWork;

/**
 * Lesson 4's reference solution: the learner's {@code lesson04.LangChain4jChat} with its gaps filled,
 * as in {@code examples-langchain4j}'s {@code NonStreamingChat}, {@code OllamaNonStreamingChat} and
 * {@code AgentLoop}.
 */
public final class LangChain4jChat implements LangChain4jWork {

    /** The AI Service: LangChain4j writes the implementation, sending the system message first. */
    interface Assistant {
        @SystemMessage("You are a concise assistant. Answer in one sentence.")
        String chat(String userMessage);
    }

    @Override
    public ChatModel openAi(Endpoint endpoint) {
        return OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())                 // with /v1; LangChain4j appends chat/completions
                .apiKey(endpoint.apiKeyOrPlaceholder())      // required by LangChain4j, ignored by local servers
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public ChatModel ollama(Endpoint endpoint) {
        return OllamaChatModel.builder()
                .baseUrl(endpoint.rootUrl())                 // no /v1; LangChain4j appends api/chat
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public String askAssistant(ChatModel model, String question) {
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).build();
        return assistant.chat(question);
    }
}
