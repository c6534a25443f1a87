package dev.switchboard.workshop.lessons.lesson06.solution;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.workshop.lessons.lesson06.WeatherAgent;

/**
 * Lesson 6, the reference solution: the agent loop by hand over {@link LlmClient#chat} (it mirrors
 * {@code examples-raw-http/src/main/java/dev/switchboard/examples/rawhttp/AgentLoop.java}).
 */
public final class AgentLoop implements WeatherAgent {

    /** The tool offered to the model: its name, what it does, and a JSON Schema of its arguments. */
    static final ToolSpec GET_WEATHER = new ToolSpec("get_weather", "Get the current weather for a city", """
            {"type": "object",
             "properties": {"city": {"type": "string", "description": "The city's name, e.g. Paris"}},
             "required": ["city"]}""");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String weather(String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = MAPPER.readTree(argumentsJson == null ? "" : argumentsJson);
        } catch (JsonProcessingException e) {
            return error("the arguments are not JSON: " + argumentsJson);
        }
        JsonNode city = arguments == null ? null : arguments.get("city");
        if (city == null || !city.isTextual() || city.asText().isBlank()) {
            return error("get_weather needs {\"city\": \"<name>\"}, got: " + argumentsJson);
        }
        int seed = Math.floorMod(city.asText().hashCode(), 100);
        return MAPPER.createObjectNode().put("city", city.asText())
                .put("temperature_celsius", 5 + seed % 25).put("sky", seed % 2 == 0 ? "clear" : "cloudy").toString();
    }

    @Override
    public String run(LlmClient client, String model, String question, int maxTurns) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(question));
        for (int turn = 1; turn <= maxTurns; turn++) {
            ChatResponse response = client.chat(request(model, messages));
            if (response.toolCalls().isEmpty()) {
                return response.text();
            }
            messages.add(response.message()); // as it came: the tool calls with their ids
            for (ToolCall call : response.toolCalls()) {
                messages.add(answer(call));
            }
        }
        throw new IllegalStateException("no answer after " + maxTurns + " requests: the model kept calling tools");
    }

    ChatRequest request(String model, List<ChatMessage> messages) {
        return ChatRequest.builder().model(model).messages(messages).addTool(GET_WEATHER).build();
    }

    ChatMessage answer(ToolCall call) {
        return ChatMessage.tool(call.id(), weather(call.arguments()));
    }

    private static String error(String message) {
        return MAPPER.createObjectNode().put("error", message).toString();
    }
}
