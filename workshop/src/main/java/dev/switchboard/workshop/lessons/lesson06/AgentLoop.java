package dev.switchboard.workshop.lessons.lesson06;

import java.util.List;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.workshop.lessons.Gap;

/**
 * Lesson 6, your file: the agent loop by hand (it mirrors
 * {@code examples-raw-http/src/main/java/dev/switchboard/examples/rawhttp/AgentLoop.java}, here over
 * {@link LlmClient}). Replace each {@code throw new Gap(...)} with code, then run
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=6}.
 * See {@code workshop/lessons/06-tools-and-agents.md}.
 */
public final class AgentLoop implements WeatherAgent {

    /** The tool offered to the model: its name, what it does, and a JSON Schema of its arguments. */
    static final ToolSpec GET_WEATHER = new ToolSpec("get_weather", "Get the current weather for a city", """
            {"type": "object",
             "properties": {"city": {"type": "string", "description": "The city's name, e.g. Paris"}},
             "required": ["city"]}""");

    @Override
    public String weather(String argumentsJson) {
        // Parse argumentsJson (a JSON object in a string) and read "city". A model can send broken JSON,
        // or JSON without a city: then return {"error":"..."} instead of throwing, so the loop goes on.
        // Otherwise return made-up weather as JSON, e.g. {"city":"Paris","temperature_celsius":21}.
        throw new Gap("in weather(): read \"city\" from the arguments JSON; answer {\"error\":...} "
                + "for broken JSON or a missing city instead of throwing");
    }

    @Override
    public String run(LlmClient client, String model, String question, int maxTurns) {
        // The loop, at most maxTurns requests:
        //   1. send request(model, messages) with client.chat(...)
        //   2. no tool calls in the answer (response.toolCalls() empty)? return response.text()
        //   3. else add response.message() (the assistant turn, with its tool calls and their ids) to
        //      the messages, then answer(call) for each call, and go round again
        // After maxTurns requests without an answer, throw an IllegalStateException.
        throw new Gap("in run(): the loop: chat, return the text when there are no tool calls, "
                + "else add the assistant message and one answer(call) per call, at most maxTurns times");
    }

    /** The request for one turn: the model, the whole history so far, and the tool offered. */
    ChatRequest request(String model, List<ChatMessage> messages) {
        // ChatRequest.builder().model(...).messages(...).addTool(GET_WEATHER).build()
        throw new Gap("in request(): build the request with the model, the messages so far, and addTool(GET_WEATHER)");
    }

    /** The answer to one tool call: a tool message carrying the call's id. */
    ChatMessage answer(ToolCall call) {
        // Run the tool on call.arguments() and wrap its result: ChatMessage.tool(call.id(), result)
        throw new Gap("in answer(): run weather(call.arguments()) and return ChatMessage.tool(call.id(), result)");
    }
}
