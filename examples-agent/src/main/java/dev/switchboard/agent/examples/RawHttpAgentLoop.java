package dev.switchboard.agent.examples;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.Endpoint;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The agent task by hand: OkHttp and Jackson, the Chat Completions JSON written and read directly.
 * One tool, {@code multiply(a, b)}, described by a hand-written JSON Schema; the loop sends the
 * conversation, and while the assistant message has {@code tool_calls} it appends that message
 * unchanged (ids included), runs each call, appends one {@code role: tool} message per call with its
 * {@code tool_call_id}, and asks again. {@code function.arguments} is a JSON object <em>encoded as a
 * string</em> (OpenAI; llama-server's round trip is
 * {@code core/src/test/resources/reference/llama-server-transcripts/13-tool-result-roundtrip.request.txt}).
 *
 * <p>What the runtime ({@link AgentLoop}) does for you and this loop does not: schema generation,
 * argument validation, timeouts, parallel calls, errors fed back to the model. Here a bad call is
 * answered with {@code {"error": ...}} by hand, so the loop at least never crashes on one.
 */
public final class RawHttpAgentLoop {

    /** The most requests one {@link #run} sends. */
    public static final int MAX_TURNS = 5;

    private static final MediaType JSON = MediaType.get("application/json");
    /** Numbers with a fraction are read as BigDecimal: 1234.5678 stays exactly that. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RawHttpAgentLoop() {
    }

    /**
     * Asks {@link AgentLoop#QUESTION} at the endpoint in the environment ({@link Endpoint#fromEnvironment()}).
     *
     * @param args ignored
     * @throws IOException as {@link #run}
     */
    public static void main(String[] args) throws IOException {
        System.out.println("assistant: " + run(Endpoint.fromEnvironment(), AgentLoop.QUESTION, System.out::println));
    }

    /**
     * Runs the loop.
     *
     * @param endpoint base URL (with {@code /v1}), key, chat model, read timeout
     * @param onStep   called with {@code tool call NAME ARGS -> RESULT} per call
     * @return the content of the first assistant message without tool calls
     * @throws IOException           if the server cannot be reached, a read times out, or a status is
     *                               not 2xx (status and body in the message)
     * @throws IllegalStateException if there is no answer after {@link #MAX_TURNS} requests
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(endpoint.readTimeout()).build();
        ArrayNode messages = MAPPER.createArrayNode();
        messages.addObject().put("role", "user").put("content", question);
        for (int turn = 1; turn <= MAX_TURNS; turn++) {
            JsonNode assistant = complete(http, endpoint, messages);
            JsonNode toolCalls = assistant.path("tool_calls");
            if (!toolCalls.isArray() || toolCalls.isEmpty()) {
                return assistant.path("content").asText("");
            }
            messages.add(assistant); // as received: tool_calls with their ids go back unchanged
            for (JsonNode call : toolCalls) {
                String name = call.path("function").path("name").asText();
                String arguments = call.path("function").path("arguments").asText();
                String result = runTool(name, arguments);
                onStep.accept("tool call " + name + " " + arguments + " -> " + result);
                messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asText())
                        .put("content", result);
            }
        }
        throw new IllegalStateException("no answer after " + MAX_TURNS + " requests: the model kept calling tools");
    }

    /** The one tool, exact: {@code a × b} as decimal text; any mistake is answered as an error object. */
    static String runTool(String name, String argumentsJson) {
        if (!name.equals("multiply")) {
            return MAPPER.createObjectNode().put("error", "unknown tool " + name).toString();
        }
        try {
            JsonNode arguments = MAPPER.readTree(argumentsJson);
            BigDecimal a = arguments.required("a").decimalValue();
            BigDecimal b = arguments.required("b").decimalValue();
            return a.multiply(b).stripTrailingZeros().toPlainString();
        } catch (IOException | IllegalArgumentException bad) {
            return MAPPER.createObjectNode().put("error", "bad arguments: " + bad.getMessage()).toString();
        }
    }

    /** The tool offered: name, description and a JSON Schema for the arguments. */
    private static ArrayNode tools() {
        ArrayNode tools = MAPPER.createArrayNode();
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", "multiply").put("description", "Multiplies two decimal numbers exactly");
        ObjectNode parameters = function.putObject("parameters").put("type", "object");
        ObjectNode properties = parameters.putObject("properties");
        properties.putObject("a").put("type", "number").put("description", "the first factor");
        properties.putObject("b").put("type", "number").put("description", "the second factor");
        parameters.putArray("required").add("a").add("b");
        return tools;
    }

    /** One non-streaming request; returns {@code choices[0].message}. */
    private static JsonNode complete(OkHttpClient http, Endpoint endpoint, ArrayNode messages) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", endpoint.chatModel()).put("stream", false)
                .put("max_tokens", 512); // bounds each answer
        body.set("messages", messages);
        body.set("tools", tools());
        Request request = new Request.Builder()
                .url(endpoint.baseUrl() + "/chat/completions")
                .header("Authorization", "Bearer " + endpoint.apiKeyOrPlaceholder())
                .post(RequestBody.create(MAPPER.writeValueAsString(body), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
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
}
