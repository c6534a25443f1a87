package dev.switchboard.workshop.lessons.lesson04;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Gap;

/**
 * LESSON 4 — YOUR FILE. LangChain4j, both flavours and an AI Service: complete the three methods,
 * replacing each {@code throw new Gap(...)}; the imports you need are already there. Mirrors
 * {@code examples-langchain4j}'s {@code NonStreamingChat}, {@code OllamaNonStreamingChat} and
 * {@code AgentLoop} (its {@code AiServices} part). Check with
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=4}.
 */
public final class LangChain4jChat implements LangChain4jWork {

    /**
     * The AI Service: LangChain4j writes the implementation. GAP 3a: put a {@code @SystemMessage("...")}
     * on {@code chat}, e.g. "You are a concise assistant. Answer in one sentence." — LangChain4j then
     * sends it as the first message, {@code {"role":"system", ...}}, before the user's.
     */
    interface Assistant {
        String chat(String userMessage);
    }

    @Override
    public ChatModel openAi(Endpoint endpoint) {
        // GAP 1: OpenAiChatModel.builder()
        //   .baseUrl(endpoint.baseUrl())               with /v1: LangChain4j appends chat/completions
        //   .apiKey(endpoint.apiKeyOrPlaceholder())    LangChain4j requires a key, local servers ignore it
        //   .modelName(endpoint.chatModel())
        //   .timeout(endpoint.readTimeout())           the default 60 s is short for a cold local model
        //   .maxRetries(0)                             the default 2 would re-run a slow generation
        //   .build()
        throw new Gap("build the OpenAI-compatible model in LangChain4jChat.openAi: OpenAiChatModel.builder() "
                + "with the endpoint's baseUrl (with /v1), apiKeyOrPlaceholder(), chatModel, timeout, maxRetries(0)");
    }

    @Override
    public ChatModel ollama(Endpoint endpoint) {
        // GAP 2: OllamaChatModel.builder()
        //   .baseUrl(endpoint.rootUrl())               the server's root, NO /v1: LangChain4j appends api/chat
        //   .modelName(endpoint.chatModel())           no API key: Ollama has none
        //   .timeout(endpoint.readTimeout()).maxRetries(0)
        //   .build()
        throw new Gap("build the Ollama-native model in LangChain4jChat.ollama: OllamaChatModel.builder() "
                + "with endpoint.rootUrl() (no /v1), the chat model, timeout, maxRetries(0)");
    }

    @Override
    public String askAssistant(ChatModel model, String question) {
        // GAP 3b: after 3a, AiServices.builder(Assistant.class).chatModel(model).build() (or AiServices.create),
        // then return assistant.chat(question).
        throw new Gap("give Assistant.chat a @SystemMessage, then build it in LangChain4jChat.askAssistant with "
                + "AiServices.builder(Assistant.class).chatModel(model).build() and return assistant.chat(question)");
    }
}
