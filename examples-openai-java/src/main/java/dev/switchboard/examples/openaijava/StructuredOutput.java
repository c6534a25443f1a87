package dev.switchboard.examples.openaijava;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;

import dev.switchboard.core.Endpoint;

/**
 * Beyond the five scenarios: structured output with the official openai-java SDK. The answer is
 * JSON that matches a schema the SDK derives from a Java record, and comes back as that record.
 *
 * <p>{@code responseFormat(City.class)} turns the parameters into
 * {@link StructuredChatCompletionCreateParams}: the request carries
 * {@code "response_format":{"type":"json_schema","json_schema":{"name":"json-schema-from-City","schema":{…},"strict":true}}}
 * (every component required, {@code "additionalProperties":false}),
 * and {@code message().content()} is parsed into a {@link City}. llama-server turns the schema into
 * a grammar and Ollama into its {@code format} (both honour {@code json_schema}); the shape of the
 * request and of llama-server's answer is recorded in
 * {@code shared/reference/llama-server-transcripts/48-json-schema-format.txt}.
 *
 * <p>A local model can run out of {@code max_tokens} in the middle of the JSON, as in that
 * recording ({@code finish_reason: "length"}, an unterminated string): this example checks the
 * finish reason first and says so, rather than failing on half a document.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class StructuredOutput {

    /**
     * The answer's shape; the SDK derives its JSON Schema from these components (every one
     * required, no other properties).
     *
     * @param name       the city's name
     * @param country    the country it is in
     * @param population how many people live there, roughly
     */
    public record City(
            @JsonPropertyDescription("The city's name") String name,
            @JsonPropertyDescription("The country the city is in") String country,
            @JsonPropertyDescription("How many people live there, roughly") long population) {
    }

    private StructuredOutput() {
    }

    /**
     * Asks the endpoint in the environment about a city and prints the record. Environment as in
     * {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run(Endpoint.fromEnvironment(), "Tell me about the capital of France."));
    }

    /**
     * Asks {@code question}, with the answer constrained to a {@link City}.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param question the user's question
     * @return the answer, parsed
     * @throws IllegalStateException if the model stopped at {@code max_tokens} (the JSON is cut) or
     *         sent no content
     * @throws com.openai.errors.OpenAIInvalidDataException if the content is not a {@link City} in
     *         JSON (the message includes the content); servers that ignore {@code response_format}
     *         answer in prose
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static City run(Endpoint endpoint, String question) {
        StructuredChatCompletionCreateParams<City> params = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .addUserMessage(question)
                .responseFormat(City.class)
                .build();
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            StructuredChatCompletion.Choice<City> choice = client.chat().completions().create(params).choices().get(0);
            if (choice.finishReason().equals(ChatCompletion.Choice.FinishReason.LENGTH)) {
                throw new IllegalStateException("the model stopped at max_tokens, inside the JSON; allow more tokens");
            }
            return choice.message().content()
                    .orElseThrow(() -> new IllegalStateException("the answer has no content"));
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
