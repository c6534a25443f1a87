package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/**
 * Streaming chat, Ollama-native: {@link OllamaStreamingChatModel} calls the handler on its HTTP client's
 * thread once per NDJSON line's {@code message.content}, then {@code onCompleteResponse} or {@code onError}.
 */
public final class OllamaStreamingChat {

    private OllamaStreamingChat() {
    }

    /** Prints the answer as it arrives. Environment: LLM_BASE_URL (its root), LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        run(rootUrl, env("LLM_MODEL", "qwen3:0.6b"), "Count from one to ten in words.", System.out::print);
    }

    /**
     * Streams the answer to {@code prompt} from Ollama at {@code rootUrl} (no {@code /v1}): {@code onToken}
     * gets each non-empty piece of text in order, on LangChain4j's thread; returns them joined, at the end.
     *
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static String run(String rootUrl, String model, String prompt, Consumer<String> onToken) {
        StreamingChatModel chat = OllamaStreamingChatModel.builder().baseUrl(rootUrl)
                .modelName(model).numPredict(512).timeout(Duration.ofSeconds(120)).build(); // bound the answer and the wait for headers
        CompletableFuture<String> done = new CompletableFuture<>();
        chat.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                onToken.accept(text);                      // never empty: LangChain4j skips empty deltas
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response.aiMessage().text()); // the pieces, joined by LangChain4j
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
