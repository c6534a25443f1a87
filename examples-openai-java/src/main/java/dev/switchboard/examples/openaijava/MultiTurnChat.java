package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 3, multi-turn chat with the official openai-java SDK: the server remembers nothing
 * between requests, so the client sends the whole conversation every time.
 *
 * <p>The conversation lives in one {@link ChatCompletionCreateParams.Builder}: each user turn is
 * added with {@code addUserMessage}, each reply with {@code addMessage(ChatCompletionMessage)} (the
 * SDK turns the answer's message into an assistant message), and every request is
 * {@code builder.build()} of the history so far. (Ollama and llama-server are stateless the same
 * way, see {@code shared/reference/ollama-wire.md} section 3.)
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class MultiTurnChat {

    /** The user's two messages, sent one per turn. */
    static final List<String> USER_TURNS = List.of("Hi! My name is Alice.", "What is my name?");

    private MultiTurnChat() {
    }

    /**
     * Has the two-turn conversation with the endpoint in the environment, printing each reply.
     * Environment as in {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(Endpoint.fromEnvironment(), reply -> System.out.println("assistant: " + reply));
    }

    /**
     * Sends "Hi! My name is Alice.", then "What is my name?" with the first exchange again. Two
     * requests in all.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param onReply  called on this thread with each assistant reply as soon as it arrives
     * @return the two assistant replies, in order (empty strings if the model sent no text)
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static List<String> run(Endpoint endpoint, Consumer<String> onReply) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel());
        List<String> replies = new ArrayList<>();
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            for (String userText : USER_TURNS) {
                conversation.addUserMessage(userText);
                ChatCompletionMessage reply = client.chat().completions().create(conversation.build())
                        .choices().get(0).message();
                conversation.addMessage(reply); // the model's memory is this history
                String text = reply.content().orElse("");
                onReply.accept(text);
                replies.add(text);
            }
        } finally {
            client.close();
        }
        return replies;
    }

    /**
     * The SDK client, set up for a local model rather than for api.openai.com. Close it when done:
     * it owns a connection pool and threads.
     */
    private static OpenAIClient client(Endpoint endpoint) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(endpoint.baseUrl())            // with /v1, e.g. http://localhost:11434/v1
                .apiKey(endpoint.apiKeyOrPlaceholder()) // the SDK needs a key; Ollama and llama-server ignore it
                .timeout(Timeout.builder()
                        .read(endpoint.readTimeout())   // longest silence between two reads: 120 s, a model may load first
                        .request(Duration.ZERO)         // no whole-call limit (the SDK's is 10 min): long answers go on
                        .build())
                .maxRetries(0) // the SDK's default of 2 would send a timed-out request again: a whole new generation
                .build();
    }
}
