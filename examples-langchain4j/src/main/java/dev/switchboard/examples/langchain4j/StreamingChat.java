package dev.switchboard.examples.langchain4j;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 2, streaming chat, OpenAI-compatible flavour: LangChain4j's
 * {@link OpenAiStreamingChatModel} calls a {@link StreamingChatResponseHandler} for each piece of the
 * answer, on its HTTP client's thread.
 *
 * <p>Sends {@code POST {baseUrl}/chat/completions} with {@code "stream": true} (and
 * {@code stream_options.include_usage}); each {@code delta.content} reaches
 * {@code onPartialResponse}, the whole answer {@code onCompleteResponse}. The caller waits on a
 * {@link CompletableFuture}. {@link OllamaStreamingChat} is the same through Ollama's native API.
 */
public final class StreamingChat {

    private StreamingChat() {
    }

    /**
     * Streams an answer to standard output as it arrives. Environment: {@code LLM_BASE_URL},
     * {@code LLM_API_KEY}, {@code LLM_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), "Count from one to ten in words.", token -> {
            System.out.print(token);
            System.out.flush();
        });
        System.out.println();
    }

    /**
     * Sends {@code prompt} and streams the answer.
     *
     * @param endpoint base URL with {@code /v1}, key, chat model, read timeout (the wait for the first
     *                 byte; LangChain4j's JDK client has none between chunks)
     * @param prompt   the user's message
     * @param onToken  called on LangChain4j's thread with each piece of text, in order
     * @return the whole answer
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static String run(Endpoint endpoint, String prompt, Consumer<String> onToken) {
        StreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .build();

        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                onToken.accept(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.join().aiMessage().text();
    }
}
