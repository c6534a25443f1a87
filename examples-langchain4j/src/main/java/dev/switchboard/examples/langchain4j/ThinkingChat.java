package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Reasoning, OpenAI-compatible: with {@code returnThinking(true)} LangChain4j hands
 * {@code delta.reasoning_content} (or {@code delta.reasoning}) to {@code onPartialThinking}, apart from
 * the answer. {@code <think>} tags inside the text stay in the text.
 */
public final class ThinkingChat {

    private ThinkingChat() {
    }

    /**
     * The thoughts and the answer, each as the pieces arrived, joined.
     *
     * @param thinking the reasoning, {@code ""} if none came apart from the text
     * @param text     the answer
     */
    public record Answer(String thinking, String text) {
    }

    /** Prints the thoughts and the answer. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_MODEL; blank is unset. */
    public static void main(String[] args) {
        Answer answer = run(env("LLM_BASE_URL", "http://localhost:11434/v1"), env("LLM_API_KEY", "no-key-required"),
                env("LLM_MODEL", "qwen3:0.6b"), "How many r are in strawberry?");
        System.out.println("thinking: " + answer.thinking() + "\nanswer: " + answer.text());
    }

    /**
     * Streams the answer to {@code prompt} from the server at {@code baseUrl} (with {@code /v1}) and
     * returns the thoughts and the answer, each joined; {@code model} should be a reasoning model.
     *
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static Answer run(String baseUrl, String apiKey, String model, String prompt) {
        StreamingChatModel chat = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model).maxTokens(1024) // thinking included
                .timeout(Duration.ofSeconds(120))
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
