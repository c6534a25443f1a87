package dev.switchboard.examples.langchain4j;

import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Reasoning, Ollama-native flavour: {@code think(true)} asks Ollama to think apart
 * ({@code "think": true} in the request), and {@code returnThinking(true)} hands each line's
 * {@code message.thinking} to {@code onPartialThinking} ({@code shared/reference/ollama-wire.md} 7).
 */
public final class OllamaThinkingChat {

    private OllamaThinkingChat() {
    }

    /** The thoughts and the answer, each as the pieces arrived, joined. */
    public record Answer(String thinking, String text) {
    }

    /**
     * Streams a reasoning model's thoughts to standard error and its answer to standard output.
     * Environment: {@code LLM_BASE_URL} (its root is used), {@code LLM_MODEL} (a reasoning model, e.g.
     * {@code qwen3:0.6b}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Answer answer = run(Endpoint.fromEnvironment(), "How many r are in strawberry?");
        System.err.println("thinking: " + answer.thinking());
        System.out.println(answer.text());
    }

    /**
     * Sends {@code prompt} and collects the streamed thoughts and answer.
     *
     * @param endpoint its {@code rootUrl()}, chat model, read timeout
     * @param prompt   the user's message
     * @return the thoughts ({@code ""} if none came) and the answer
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static Answer run(Endpoint endpoint, String prompt) {
        StreamingChatModel model = OllamaStreamingChatModel.builder()
                .baseUrl(endpoint.rootUrl())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
                .think(true)                               // sends "think": true; needs a model that can think
                .returnThinking(true)                      // off by default: thoughts would be dropped
                .build();

        StringBuilder thinking = new StringBuilder();
        StringBuilder text = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialThinking(PartialThinking partialThinking) {
                thinking.append(partialThinking.text());
            }

            @Override
            public void onPartialResponse(String partialResponse) {
                text.append(partialResponse);
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
        done.join();
        return new Answer(thinking.toString(), text.toString());
    }
}
