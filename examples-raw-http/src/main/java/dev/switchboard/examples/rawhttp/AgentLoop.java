package dev.switchboard.examples.rawhttp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import okhttp3.*;

/**
 * Agent loop: {@code POST {baseUrl}/chat/completions} offering one tool; while the answer has {@code tool_calls},
 * the assistant message goes back into the history as it came, then one {@code role: tool} message per call
 * with its {@code tool_call_id}, and the model is asked again (OpenAI Chat Completions; llama-server alike:
 * {@code core/src/test/resources/reference/llama-server-transcripts/13-tool-result-roundtrip.request.txt}).
 */
public final class AgentLoop {
    static final int MAX_TURNS = 5; // the most requests one run sends before it gives up
    /** The tool offered: {@code get_weather}, with a JSON Schema for its arguments. */
    private static final String TOOLS = """
            [{"type": "function", "function": {
              "name": "get_weather", "description": "Get the current weather for a city",
              "parameters": {"type": "object",
                "properties": {"city": {"type": "string", "description": "The city's name, e.g. Paris"}},
                "required": ["city"]}}}]""";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    /** Asks {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL} about the weather, printing each step. */
    public static void main(String[] args) throws IOException {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_MODEL", "qwen3:0.6b");
        Consumer<String> print = step -> System.out.println("  " + step);
        System.out.println(run(baseUrl, apiKey, model, "What is the weather in Paris?", print));
    }

    /**
     * Runs the loop against {@code baseUrl} (with {@code /v1}), {@code Authorization: Bearer <apiKey>}, with a
     * {@code model} that can call tools. {@code onStep} gets, on this thread, per tool call
     * {@code "tool call <name> <arguments JSON>"} then {@code "tool result <result JSON>"}.
     * @return the content of the first answer without tool calls ({@code ""} if it has none)
     * @throws IOException           if the server cannot be reached, a read waits over 120 s, a status is not
     *                               2xx (status and body in the message), or an answer has no message
     * @throws IllegalStateException if the model still calls tools after 5 requests
     */
    public static String run(String baseUrl, String apiKey, String model, String question, Consumer<String> onStep)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", false)
                .put("max_tokens", 512); // bounds the answer: a model that does not stop cannot fill the context
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", question);
        body.set("tools", MAPPER.readTree(TOOLS));
        for (int turn = 1; turn <= MAX_TURNS; turn++) {
            Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                    .header("Authorization", "Bearer " + apiKey)
                    .post(RequestBody.create(MAPPER.writeValueAsString(body), MediaType.get("application/json")))
                    .build();
            JsonNode assistant;
            try (Response response = HTTP.newCall(request).execute()) {
                String text = response.body().string();
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code() + " from POST " + request.url() + ": " + text);
                }
                assistant = MAPPER.readTree(text).path("choices").path(0).path("message");
                if (!assistant.isObject()) {
                    throw new IOException("no choices[0].message in: " + text);
                }
            }
            if (assistant.path("tool_calls").isEmpty()) {
                return assistant.path("content").asText(""); // no tool calls: the final answer
            }
            messages.add(assistant); // as it came: tool_calls with their ids, content null (Ollama: "")
            for (JsonNode call : assistant.path("tool_calls")) {
                String name = call.path("function").path("name").asText();
                String arguments = call.path("function").path("arguments").asText(); // a JSON object in a string
                onStep.accept("tool call " + name + " " + arguments);
                String result = name.equals("get_weather") ? getWeather(arguments) : "{\"error\":\"unknown tool\"}";
                onStep.accept("tool result " + result);
                messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asText())
                        .put("content", result);
            }
        }
        throw new IllegalStateException("no answer after " + MAX_TURNS + " turns: the model kept calling tools");
    }

    /** The tool: made-up weather, the same for the same city, e.g. {"city":"Paris","temperature_celsius":21,...}. */
    static String getWeather(String argumentsJson) throws IOException {
        String city = MAPPER.readTree(argumentsJson).path("city").asText("unknown");
        int seed = Math.floorMod(city.hashCode(), 100);
        String[] conditions = {"sunny", "cloudy", "rainy", "windy"};
        return MAPPER.writeValueAsString(MAPPER.createObjectNode().put("city", city)
                .put("temperature_celsius", 5 + seed % 25).put("conditions", conditions[seed % 4]));
    }

    private static String env(String name, String fallback) { // unset or blank: the default
        return System.getenv(name) == null || System.getenv(name).isBlank() ? fallback : System.getenv(name);
    }
}
