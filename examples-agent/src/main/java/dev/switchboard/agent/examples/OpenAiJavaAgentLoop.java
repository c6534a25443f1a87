package dev.switchboard.agent.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

import dev.switchboard.core.Endpoint;

/**
 * The agent task with the official openai-java SDK's function calling: a {@link FunctionDefinition}
 * with {@link FunctionParameters} built from {@link JsonValue}s, the loop written by the caller
 * (the SDK has none for Chat Completions): append the assistant {@link ChatCompletionMessage} (its
 * tool calls keep their ids), run each call, append a {@link ChatCompletionToolMessageParam} with the
 * call's id, ask again.
 *
 * <p>Why not {@code addTool(Multiply.class)}, which derives the schema from a class: the SDK does
 * that with victools jsonschema-generator 4.x (Jackson 2), and this module's class path has victools
 * 5 (Jackson 3), which Spring AI 2 and this module's runtime use; one class path cannot hold both.
 * Client settings for a local model as in examples-openai-java: a placeholder key (the SDK requires
 * one), {@code maxRetries(0)} (a retried timeout re-runs a whole generation), no whole-call timeout.
 */
public final class OpenAiJavaAgentLoop {

    /** The most requests one {@link #run} sends. */
    public static final int MAX_TURNS = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OpenAiJavaAgentLoop() {
    }

    /**
     * Asks {@link AgentLoop#QUESTION} at the endpoint in the environment ({@link Endpoint#fromEnvironment()}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("assistant: " + run(Endpoint.fromEnvironment(), AgentLoop.QUESTION, System.out::println));
    }

    /**
     * Runs the loop.
     *
     * @param onStep called with {@code tool call NAME ARGS -> RESULT} per call
     * @return the model's final text
     * @throws IllegalStateException                    if there is no answer after {@link #MAX_TURNS} requests
     * @throws com.openai.errors.OpenAIServiceException for an error status
     * @throws com.openai.errors.OpenAIIoException      if the connection fails or times out
     */
    public static String run(Endpoint endpoint, String question, Consumer<String> onStep) {
        Map<String, Object> properties = new LinkedHashMap<>(); // kept in order: a, then b
        properties.put("a", Map.of("type", "number", "description", "the first factor"));
        properties.put("b", Map.of("type", "number", "description", "the second factor"));
        FunctionDefinition multiply = FunctionDefinition.builder()
                .name("multiply")
                .description("Multiplies two decimal numbers exactly")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(properties))
                        .putAdditionalProperty("required", JsonValue.from(List.of("a", "b")))
                        .build())
                .build();
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(endpoint.chatModel())
                .maxTokens(512) // bounds each answer; Ollama ignores max_completion_tokens
                .addFunctionTool(multiply)
                .addUserMessage(question);
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(endpoint.baseUrl())            // with /v1
                .apiKey(endpoint.apiKeyOrPlaceholder()) // required by the SDK, ignored by local servers
                .timeout(Timeout.builder().read(endpoint.readTimeout()).request(Duration.ZERO).build())
                .maxRetries(0)
                .build();
        try {
            for (int turn = 1; turn <= MAX_TURNS; turn++) {
                ChatCompletionMessage message = client.chat().completions().create(conversation.build())
                        .choices().get(0).message();
                List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
                if (calls.isEmpty()) {
                    return message.content().orElse("");
                }
                conversation.addMessage(message); // the assistant turn, with its tool_calls and their ids
                for (ChatCompletionMessageToolCall call : calls) {
                    ChatCompletionMessageFunctionToolCall function = call.asFunction();
                    String result = runTool(function.function().name(), function.function().arguments());
                    onStep.accept("tool call " + function.function().name() + " " + function.function().arguments()
                            + " -> " + result);
                    conversation.addMessage(ChatCompletionToolMessageParam.builder()
                            .toolCallId(function.id())
                            .content(result)
                            .build());
                }
            }
        } finally {
            client.close();
        }
        throw new IllegalStateException("no answer after " + MAX_TURNS + " requests: the model kept calling tools");
    }

    /** The one tool, exact; a wrong name or bad arguments are answered as an error object. */
    private static String runTool(String name, String argumentsJson) {
        if (!name.equals("multiply")) {
            return MAPPER.createObjectNode().put("error", "unknown tool " + name).toString();
        }
        try {
            JsonNode arguments = MAPPER.readTree(argumentsJson);
            BigDecimal a = arguments.required("a").decimalValue();
            BigDecimal b = arguments.required("b").decimalValue();
            return a.multiply(b).stripTrailingZeros().toPlainString();
        } catch (JsonProcessingException | IllegalArgumentException bad) {
            return MAPPER.createObjectNode().put("error", "bad arguments: " + bad.getMessage()).toString();
        }
    }
}
