package dev.switchboard.examples.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 1, non-streaming chat, Ollama-native flavour: LangChain4j's {@link OllamaChatModel}
 * against Ollama's own API.
 *
 * <p>Sends {@code POST {rootUrl}/api/chat} with {@code "stream": false} and returns
 * {@code message.content}. No API key: Ollama has none.
 */
public final class OllamaNonStreamingChat {

    private OllamaNonStreamingChat() {
    }

    /**
     * Asks a local Ollama (or the root of {@code LLM_BASE_URL}, without {@code /v1}) one question and
     * prints the answer. Environment: {@code LLM_BASE_URL}, {@code LLM_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(Endpoint.fromEnvironment(), "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code question} as one user message.
     *
     * @param endpoint its {@code rootUrl()} (e.g. {@code http://localhost:11434}), chat model, read timeout
     * @param question the user's message
     * @return the answer's text
     * @throws dev.langchain4j.exception.LangChain4jException subclasses on failure
     */
    public static String run(Endpoint endpoint, String question) {
        ChatModel model = OllamaChatModel.builder()
                .baseUrl(endpoint.rootUrl())               // no /v1: the client appends api/chat
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        return model.chat(question);
    }
}
