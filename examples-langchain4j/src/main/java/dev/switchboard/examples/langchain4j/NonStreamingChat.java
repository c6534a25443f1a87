package dev.switchboard.examples.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 1, non-streaming chat, OpenAI-compatible flavour: one question, one whole answer, through
 * LangChain4j's {@link OpenAiChatModel} pointed at a local server's {@code /v1}.
 *
 * <p>Sends {@code POST {baseUrl}/chat/completions} with {@code "stream": false} and returns
 * {@code choices[0].message.content}. {@link OllamaNonStreamingChat} is the same through Ollama's
 * native API.
 */
public final class NonStreamingChat {

    private NonStreamingChat() {
    }

    /**
     * Asks the endpoint in {@code LLM_BASE_URL} (default a local Ollama's {@code /v1}) one question
     * and prints the answer. Environment: {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(Endpoint.fromEnvironment(), "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code question} as one user message.
     *
     * @param endpoint base URL with {@code /v1}, key (a placeholder if none), chat model, read timeout
     * @param question the user's message
     * @return the answer's text
     * @throws dev.langchain4j.exception.LangChain4jException subclasses on failure, e.g.
     *         {@code ModelNotFoundException} for a 404, {@code TimeoutException} when no answer
     *         arrives within the read timeout
     */
    public static String run(Endpoint endpoint, String question) {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())              // with /v1, e.g. http://localhost:11434/v1
                .apiKey(endpoint.apiKeyOrPlaceholder())    // required by LangChain4j; local servers ignore it
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())           // connect and read; the default 60 s is short for a cold model
                .maxRetries(0)                             // the default 2 would re-run a slow generation
                .build();
        return model.chat(question);
    }
}
