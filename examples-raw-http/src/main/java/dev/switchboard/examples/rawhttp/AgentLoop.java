package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Scenario 4, an agent loop: the model may ask for a tool, the program runs it and sends the result
 * back, until the model answers in words.
 *
 * <p>Every turn is a non-streaming {@code POST {baseUrl}/chat/completions} with the conversation so
 * far and one tool, {@code get_weather(city)}, described by a JSON Schema. When the assistant
 * message has {@code tool_calls}, the program appends that assistant message (with its
 * {@code tool_calls} and their {@code id}s) and one {@code role: tool} message per call, whose
 * {@code tool_call_id} names the call it answers, and asks again. {@code function.arguments} is a
 * JSON object encoded as a string. (OpenAI Chat Completions; Ollama sends the same, with
 * {@code content: ""} instead of {@code null} beside tool calls, see
 * {@code shared/reference/ollama-wire.md} sections 3.2 and 3.3; llama-server's request for the
 * round trip is {@code shared/reference/llama-server-transcripts/13-tool-result-roundtrip.request.txt}.)
 *
 * <p>Not every model calls tools: with Ollama the model needs the {@code tools} capability, or the
 * server answers 400 {@code ... does not support tools}.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class AgentLoop {

    /** The most requests one {@link #run} sends before it gives up. */
    public static final int MAX_TURNS = 5;

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One client for the whole program. The read timeout is the longest wait for the next bytes (per
     * read, not for the whole call): generous, because a local model may load before it answers.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private AgentLoop() {
    }

    /**
     * Asks the endpoint in {@code LLM_BASE_URL} about the weather, printing every step.
     * Environment: {@code LLM_BASE_URL} (default {@code http://localhost:11434/v1}),
     * {@code LLM_API_KEY} (default {@code no-key-required}), {@code LLM_MODEL} (default {@code qwen3:0.6b}).
     *
     * @param args ignored
     * @throws IOException if a request fails; see {@link #run}
     */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        String answer = run(baseUrl, apiKey, model, "What is the weather in Paris?",
                step -> System.out.println("  " + step));
        System.out.println(answer);
    }

    /**
     * Runs the loop: at most {@link #MAX_TURNS} requests, each offering {@code get_weather}.
     *
     * @param baseUrl  the OpenAI-compatible base URL, with {@code /v1} (e.g. {@code http://localhost:11434/v1})
     * @param apiKey   sent as {@code Authorization: Bearer <apiKey>}; local servers ignore it, but send one
     * @param model    a chat model that can call tools, e.g. {@code qwen3:0.6b}
     * @param question the user's message
     * @param onStep   called on this thread with one line per step, in order: for each tool call
     *                 {@code tool call <name> <arguments JSON>}, then {@code tool result <result JSON>}
     * @return the content of the first assistant message without tool calls ({@code ""} if it had none)
     * @throws IOException           if the server cannot be reached, a read waits over 120 s, or a
     *                               status is not 2xx (status and body in the message)
     * @throws IllegalStateException if the model still asks for tools after {@link #MAX_TURNS} requests
     */
    public static String run(String baseUrl, String apiKey, String model, String question, Consumer<String> onStep)
            throws IOException {
        ArrayNode messages = MAPPER.createArrayNode();
        messages.addObject().put("role", "user").put("content", question);

        for (int turn = 1; turn <= MAX_TURNS; turn++) {
            JsonNode assistant = complete(baseUrl, apiKey, model, messages);
            JsonNode toolCalls = assistant.path("tool_calls");
            if (!toolCalls.isArray() || toolCalls.isEmpty()) {
                return assistant.path("content").asText(""); // the final answer
            }

            // The assistant's turn goes back into the history as it was, tool calls and ids included.
            ObjectNode echo = messages.addObject().put("role", "assistant");
            if (assistant.path("content").isTextual()) {
                echo.put("content", assistant.path("content").asText()); // Ollama: ""
            } else {
                echo.putNull("content"); // OpenAI, llama-server: null beside tool calls
            }
            ArrayNode calls = echo.putArray("tool_calls");
            for (JsonNode call : toolCalls) {
                String name = call.path("function").path("name").asText();
                JsonNode rawArguments = call.path("function").path("arguments");
                // OpenAI sends the arguments as a JSON string; accept an object too, as some servers do.
                String arguments = rawArguments.isTextual() ? rawArguments.asText() : rawArguments.toString();
                ObjectNode kept = calls.addObject().put("id", call.path("id").asText()).put("type", "function");
                kept.putObject("function").put("name", name).put("arguments", arguments);

                onStep.accept("tool call " + name + " " + arguments);
                String result = "get_weather".equals(name)
                        ? getWeather(arguments)
                        : "{\"error\":\"unknown tool " + name + "\"}";
                onStep.accept("tool result " + result);
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", call.path("id").asText())
                        .put("content", result);
            }
        }
        throw new IllegalStateException("no answer after " + MAX_TURNS + " turns: the model kept calling tools");
    }

    /**
     * The tool itself, local and deterministic: made-up weather for the city in {@code argumentsJson}.
     * The same city always gets the same weather.
     *
     * @param argumentsJson the call's arguments, e.g. {@code {"city":"Paris"}}; a missing city is "unknown"
     * @return a JSON object, e.g. {@code {"city":"Paris","temperature_celsius":21,"conditions":"sunny"}}
     * @throws IOException if {@code argumentsJson} is not JSON
     */
    public static String getWeather(String argumentsJson) throws IOException {
        String city = MAPPER.readTree(argumentsJson).path("city").asText("unknown");
        String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
        int seed = Math.floorMod(city.hashCode(), 100);
        ObjectNode weather = MAPPER.createObjectNode();
        weather.put("city", city);
        weather.put("temperature_celsius", 5 + seed % 25);
        weather.put("conditions", conditions[seed % conditions.length]);
        return MAPPER.writeValueAsString(weather);
    }

    /** The tool offered to the model: a name, a description, and a JSON Schema for its arguments. */
    private static ArrayNode tools() {
        ArrayNode tools = MAPPER.createArrayNode();
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", "get_weather");
        function.put("description", "Get the current weather for a city");
        ObjectNode parameters = function.putObject("parameters").put("type", "object");
        parameters.putObject("properties").putObject("city")
                .put("type", "string")
                .put("description", "The city's name, e.g. Paris");
        parameters.putArray("required").add("city");
        return tools;
    }

    /** One non-streaming request with the history and the tool; returns {@code choices[0].message}. */
    private static JsonNode complete(String baseUrl, String apiKey, String model, ArrayNode messages)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.set("messages", messages);
        body.set("tools", tools());

        Request request = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();

        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
            }
            JsonNode message = MAPPER.readTree(text).path("choices").path(0).path("message");
            if (!message.isObject()) {
                throw new IOException("no choices[0].message in: " + text);
            }
            return message;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
