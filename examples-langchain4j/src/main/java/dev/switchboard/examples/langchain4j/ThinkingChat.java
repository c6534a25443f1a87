package dev.switchboard.examples.langchain4j;

import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.switchboard.core.Endpoint;

/**
 * Reasoning, OpenAI-compatible flavour: a reasoning model's thoughts kept apart from its answer with
 * LangChain4j's own API, {@code returnThinking(true)} and {@code onPartialThinking}.
 *
 * <p>LangChain4j reads the thoughts from {@code delta.reasoning_content} (llama-server, DeepSeek)
 * and, through a Jackson alias, {@code delta.reasoning} (Ollama's {@code /v1}, vLLM). Thoughts that a
 * server leaves inside the text as {@code <think>…</think>} stay in the text: LangChain4j 1.19 does
 * not split them (Switchboard's {@code langchain4j} adapter does). {@link OllamaThinkingChat} is the
 * native flavour.
 */
public final class ThinkingChat {

    private ThinkingChat() {
    }

    /** The thoughts and the answer, each as the pieces arrived, joined. */
    public record Answer(String thinking, String text) {
    }

    /**
     * Streams a reasoning model's thoughts to standard error and its answer to standard output.
     * Environment: {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} (a reasoning model,
     * e.g. {@code qwen3:0.6b}).
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
     * @param endpoint base URL with {@code /v1}, key, chat model, read timeout
     * @param prompt   the user's message
     * @return the thoughts ({@code ""} if none came apart from the text) and the answer
     * @throws java.util.concurrent.CompletionException wrapping LangChain4j's exception on failure
     */
    public static Answer run(Endpoint endpoint, String prompt) {
        StreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.chatModel())
                .timeout(endpoint.readTimeout())
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
