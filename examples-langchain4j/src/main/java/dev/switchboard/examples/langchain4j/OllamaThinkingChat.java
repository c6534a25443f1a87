package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/**
 * Reasoning, Ollama-native: {@code think(true)} asks Ollama to think apart ({@code "think": true}),
 * and {@code returnThinking(true)} hands each line's {@code message.thinking} to
 * {@code onPartialThinking}.
 */
public final class OllamaThinkingChat {

    private OllamaThinkingChat() {
    }

    /**
     * The thoughts and the answer, each as the pieces arrived, joined.
     *
     * @param thinking the reasoning, {@code ""} if none came
     * @param text     the answer
     */
    public record Answer(String thinking, String text) {
    }

    /** Prints the thoughts and the answer. Environment: LLM_BASE_URL (its root), LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        Answer answer = run(rootUrl, env("LLM_MODEL", "qwen3:0.6b"), "How many r are in strawberry?");
        System.out.println("thinking: " + answer.thinking() + "\nanswer: " + answer.text());
    }

    /**
     * Streams the answer to {@code prompt} from Ollama at {@code rootUrl} (no {@code /v1}) and returns
     * the thoughts and the answer, each joined; {@code model} should be a reasoning model.
     *
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static Answer run(String rootUrl, String model, String prompt) {
        StreamingChatModel chat = OllamaStreamingChatModel.builder()
                .baseUrl(rootUrl).modelName(model).numPredict(1024) // Ollama's max_tokens, thinking included
                .timeout(Duration.ofSeconds(120))
                .think(true)                               // sends "think": true
                .returnThinking(true)                      // off by default: thoughts would be dropped
                .build();

        StringBuilder thinking = new StringBuilder();
        StringBuilder text = new StringBuilder();
        CompletableFuture<Answer> done = new CompletableFuture<>();
        chat.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialThinking(PartialThinking partialThinking) {
                thinking.append(partialThinking.text());
            }

            @Override
            public void onPartialResponse(String partialResponse) {
                text.append(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(new Answer(thinking.toString(), text.toString()));
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
