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

/**
 * Structured output with the official openai-java SDK: {@code responseFormat(City.class)} sends a
 * JSON Schema derived from the {@link City} record, and the answer comes back as a {@code City}.
 */
public final class StructuredOutput {

    /** The answer's shape: every component required, no other properties. */
    public record City(
            @JsonPropertyDescription("The city's name") String name,
            @JsonPropertyDescription("The country the city is in") String country,
            @JsonPropertyDescription("How many people live there, roughly") long population) {
    }

    /** Asks {@code LLM_BASE_URL} / {@code LLM_MODEL} about a city and prints the record. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1"), apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "Tell me about the capital of France."));
    }

    /**
     * Asks {@code question}, the answer constrained to a {@link City}.
     *
     * @param baseUrl the OpenAI-compatible root, with {@code /v1}; {@code apiKey}: any text for a local server
     * @return the answer, parsed
     * @throws IllegalStateException if the model stopped at {@code max_tokens}, inside the JSON, or sent no content
     * @throws com.openai.errors.OpenAIInvalidDataException if the content is not a City (a server ignoring the
     *         schema answers in prose); OpenAIServiceException, OpenAIIoException as in {@code NonStreamingChat}
     */
    public static City run(String baseUrl, String apiKey, String model, String question) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        StructuredChatCompletionCreateParams<City> params = ChatCompletionCreateParams.builder()
                .model(model).maxTokens(512) // bounds the answer; Ollama ignores max_completion_tokens
                .addUserMessage(question)
                .responseFormat(City.class)
                .build();
        try {
            StructuredChatCompletion.Choice<City> choice = client.chat().completions().create(params).choices().get(0);
            if (choice.finishReason().equals(ChatCompletion.Choice.FinishReason.LENGTH)) { // check before parsing
                throw new IllegalStateException("the model stopped at max_tokens, inside the JSON; allow more tokens");
            }
            return choice.message().content().orElseThrow(() -> new IllegalStateException("the answer has no content"));
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
