package dev.switchboard.examples.openaijava;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 4, an agent loop with the official openai-java SDK: the model may ask for a tool, the
 * program runs it and sends the result back, until the model answers in words.
 *
 * <p>The tool is a Java class: {@code addTool(GetWeather.class)} has the SDK derive the function's
 * JSON Schema from the record's components (name from {@code @JsonTypeName}, descriptions from
 * {@code @JsonClassDescription} and {@code @JsonPropertyDescription}), and
 * {@code function().arguments(GetWeather.class)} parses a call's arguments back into it. The
 * round trip: the assistant message with its {@code tool_calls} goes back into the history, then one
 * tool message per call whose {@code tool_call_id} names the call it answers, with the result as
 * JSON ({@code contentAsJson}). At most {@value #MAX_TURNS} requests. (llama-server's request for
 * the round trip is {@code shared/reference/llama-server-transcripts/13-tool-result-roundtrip.request.txt};
 * Ollama sends {@code content: ""} beside tool calls, {@code ollama-wire.md} 3.3.)
 *
 * <p>Not every model calls tools: Ollama needs one with the {@code tools} capability, or answers
 * 400 {@code ... does not support tools}. The SDK marks a class-derived function {@code strict};
 * local servers ignore that flag.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class AgentLoop {

    /** The most requests one {@link #run} sends before it gives up. */
    public static final int MAX_TURNS = 5;

    /**
     * The tool's arguments, and the tool itself: the SDK derives
     * {@code {"type":"object","properties":{"city":{"type":"string","description":…}},"required":["city"],"additionalProperties":false}}.
     *
     * @param city the city's name, e.g. Paris
     */
    @JsonTypeName("get_weather")
    @JsonClassDescription("Get the current weather for a city")
    public record GetWeather(@JsonPropertyDescription("The city's name, e.g. Paris") String city) {

        /**
         * Runs the tool: a made-up but stable forecast, the same for the same city. No I/O.
         *
         * @return the weather; for a null city, the forecast of city {@code null}
         */
        public Weather execute() {
            String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
            int seed = Math.floorMod(city == null ? 0 : city.hashCode(), 100);
            return new Weather(city, 5 + seed % 25, conditions[seed % conditions.length]);
        }
    }

    /**
     * What the tool answers, sent back as JSON.
     *
     * @param city               the city asked about
     * @param temperatureCelsius degrees Celsius
     * @param conditions         sunny, cloudy, rainy or windy
     */
    public record Weather(String city, int temperatureCelsius, String conditions) {
    }

    private AgentLoop() {
    }

    /**
     * Asks the endpoint in the environment about the weather, printing every step. Environment
     * as in {@link NonStreamingChat#main}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String answer = run(Endpoint.fromEnvironment(), "What is the weather in Paris?", System.out::println);
        System.out.println("assistant: " + answer);
    }

    /**
     * Runs the loop for {@code question}.
     *
     * @param endpoint base URL (with {@code /v1}), key (a placeholder when none), chat model, read timeout
     * @param question the user's question
     * @param onStep   called on this thread with a line per tool call and per tool result
     * @return the model's final text answer (empty if it sent none)
     * @throws IllegalStateException if there is no answer in words after {@value #MAX_TURNS} requests
     * @throws com.openai.errors.OpenAIServiceException for an error status, by status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     * @throws com.openai.errors.OpenAIInvalidDataException if a call's arguments are not a {@link GetWeather}
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .addTool(GetWeather.class)
                .addUserMessage(question);
        OpenAIClient client = client(endpoint); // an application shares one client and closes it at shutdown
        try {
            for (int turn = 0; turn < MAX_TURNS; turn++) {
                ChatCompletionMessage message = client.chat().completions().create(conversation.build())
                        .choices().get(0).message();
                conversation.addMessage(message); // the assistant turn, with its tool_calls and their ids
                List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
                if (calls.isEmpty()) {
                    return message.content().orElse("");
                }
                for (ChatCompletionMessageToolCall call : calls) {
                    ChatCompletionMessageFunctionToolCall function = call.asFunction();
                    onStep.accept("  tool call " + function.function().name() + " " + function.function().arguments());
                    Weather result = function.function().arguments(GetWeather.class).execute();
                    onStep.accept("  tool result " + result);
                    conversation.addMessage(ChatCompletionToolMessageParam.builder()
                            .toolCallId(function.id())
                            .contentAsJson(result)
                            .build());
                }
            }
        } finally {
            client.close();
        }
        throw new IllegalStateException("no answer in words after " + MAX_TURNS + " requests");
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
