package dev.switchboard.examples.openaijava;

import java.time.Duration;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 1, non-streaming chat with the official openai-java SDK: one question, one whole answer.
 *
 * <p>{@code client.chat().completions().create(params)} sends {@code POST {baseUrl}/chat/completions}
 * and returns a typed {@link ChatCompletion}; the text is {@code choices[0].message.content}
 * (Ollama and llama-server send the OpenAI shape, see {@code shared/reference/ollama-wire.md}
 * section 3.3 and {@code shared/reference/llama-server-transcripts/04-chat-nonstream.txt}).
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class NonStreamingChat {

    private NonStreamingChat() {
    }

    /**
     * Asks one question of the endpoint in the environment and prints the answer. Environment
     * ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY} (default {@code no-key-required}),
     * {@code LLM_MODEL} (default {@code qwen3:0.6b} for the default URL; required with another).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(Endpoint.fromEnvironment(), "Why is the sky blue? Answer in one sentence."));
    }

    /**
     * Sends {@code prompt} as one user message to {@code endpoint}'s chat model and returns the answer.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param prompt   the user's message
     * @return {@code choices[0].message.content}; empty if the model sent no text. Reasoning, if
     *         the server sends any, is not included ({@code ReasoningAndTimings} reads it)
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status (e.g.
     *         {@code NotFoundException} for an unknown model on Ollama), with the server's message
     * @throws com.openai.errors.OpenAIIoException      if the server cannot be reached or is silent
     *         for longer than the read timeout
     */
    public static String run(Endpoint endpoint, String prompt) {
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(endpoint.chatModel())
                    .addUserMessage(prompt)
                    .build();
            ChatCompletion completion = client.chat().completions().create(params);
            return completion.choices().get(0).message().content().orElse("");
        } finally {
            client.close();
        }
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
