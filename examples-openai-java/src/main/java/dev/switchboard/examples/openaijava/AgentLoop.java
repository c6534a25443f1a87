package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.Timeout;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

/**
 * An agent loop with the official openai-java SDK: the model asks for {@code get_weather}, the
 * program runs it and sends the result back, until the model answers in words (at most 5 requests).
 * The tool's JSON Schema is written out, so the file runs on any class path (the README says why).
 */
public final class AgentLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tool: its name, what it does, and its arguments' JSON Schema, {@code {"city": string}}. */
    static final FunctionDefinition GET_WEATHER = FunctionDefinition.builder()
            .name("get_weather").description("Get the current weather for a city")
            .parameters(FunctionParameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("city"))).build()).build();

    /** Asks {@code LLM_BASE_URL} / {@code LLM_MODEL} about the weather, printing every step. */
    public static void main(String[] args) throws JsonProcessingException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1"), apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        System.out.println(run(baseUrl, apiKey, model, "What is the weather in Paris?", System.out::println));
    }

    /**
     * Runs the loop for {@code question}; the model needs tool support (Ollama: the {@code tools} capability).
     *
     * @param baseUrl the OpenAI-compatible root, with {@code /v1}; {@code apiKey}: any text for a local server
     * @param onStep  gets, per tool call, {@code "tool call <name> <arguments JSON>"} then {@code "tool result <JSON>"}
     * @return the final answer ("" if the model sent no text)
     * @throws IllegalStateException after 5 requests without an answer in words; the SDK's OpenAIException
     *         for an error status or a failed connection; JsonProcessingException for arguments that are not JSON
     */
    public static String run(String baseUrl, String apiKey, String model, String question, Consumer<String> onStep)
            throws JsonProcessingException {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl).apiKey(apiKey) // a key is required, even by servers that ignore it
                .timeout(Timeout.builder().read(Duration.ofMinutes(2)).request(Duration.ZERO).build())
                .maxRetries(0).build(); // the default, 2, re-sends a timed-out request: a whole new generation
        ChatCompletionCreateParams.Builder history = ChatCompletionCreateParams.builder()
                .model(model).maxTokens(512) // bounds the answer; Ollama ignores max_completion_tokens
                .addFunctionTool(GET_WEATHER)
                .addUserMessage(question);
        try {
            for (int turn = 0; turn < 5; turn++) {
                ChatCompletionMessage message = client.chat().completions().create(history.build()).choices().get(0).message();
                history.addMessage(message); // the assistant turn, with its tool_calls and their ids
                if (message.toolCalls().orElse(List.of()).isEmpty()) {
                    return message.content().orElse("");
                }
                for (ChatCompletionMessageToolCall call : message.toolCalls().get()) {
                    ChatCompletionMessageFunctionToolCall function = call.asFunction();
                    onStep.accept("tool call " + function.function().name() + " " + function.function().arguments());
                    String result = getWeather(JSON.readTree(function.function().arguments()).path("city").asText());
                    onStep.accept("tool result " + result);
                    history.addMessage(ChatCompletionToolMessageParam.builder()
                            .toolCallId(function.id()).content(result).build()); // answers the call by its id
                }
            }
        } finally {
            client.close(); // an application shares one client and closes it at shutdown
        }
        throw new IllegalStateException("no answer in words after 5 requests");
    }

    /** What the tool answers, sent back as JSON: degrees Celsius; sunny, cloudy, rainy or windy. */
    public record Weather(String city, int temperatureCelsius, String conditions) { }
    /** The tool: made-up weather, always the same for the same city; as JSON. */
    static String getWeather(String city) throws JsonProcessingException {
        String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
        int seed = Math.floorMod(city.hashCode(), 100);
        return JSON.writeValueAsString(new Weather(city, 5 + seed % 25, conditions[seed % 4]));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
