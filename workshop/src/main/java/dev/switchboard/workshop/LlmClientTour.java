package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;

/**
 * The scenarios through one style's {@link LlmClient} adapter, found by name: the provider-agnostic
 * way, identical for every style.
 */
public final class LlmClientTour implements StyleTour {

    private static final ToolSpec GET_WEATHER = new ToolSpec("get_weather", "Current weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
    private static final int MAX_TURNS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String style;

    /** A tour of the style named {@code style} (see {@link LlmClients#availableStyles()}). */
    public LlmClientTour(String style) {
        this.style = style;
    }

    @Override
    public String name() {
        return "LlmClient " + style;
    }

    @Override
    public Outcome run(Scenario scenario, TourEndpoint target, PrintStream out) {
        try (LlmClient client = LlmClients.create(style, target.endpoint())) {
            switch (scenario) {
                case NON_STREAMING: {
                    ChatResponse response = client.chat(ChatRequest.builder().user(Prompts.QUESTION).build());
                    out.println(response.text());
                    return Checks.nonStreaming(response.text());
                }
                case STREAMING:
                    return streaming(client, out);
                case MULTI_TURN:
                    return multiTurn(client, out);
                case AGENT_LOOP:
                    return agentLoop(client, out);
                case EMBEDDINGS:
                    if (!client.capabilities().supports(Capability.EMBEDDINGS)) {
                        return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.EMBEDDINGS));
                    }
                    return Checks.embeddings(client.embed(new EmbeddingRequest(null, Prompts.TEXTS)).vectors(), out);
                default:
                    return Outcome.notSupported("unknown scenario");
            }
        }
    }

    private static Outcome streaming(LlmClient client, PrintStream out) {
        if (!client.capabilities().supports(Capability.STREAMING)) {
            return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.STREAMING));
        }
        int deltas = 0;
        StringBuilder answer = new StringBuilder();
        try (ChatStream stream = client.stream(ChatRequest.builder().user(Prompts.QUESTION).build())) {
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta delta) {
                    deltas++;
                    answer.append(delta.text());
                    out.print(delta.text());
                    out.flush();
                }
            }
        }
        out.println();
        return Checks.streaming(answer.toString(), deltas);
    }

    private static Outcome multiTurn(LlmClient client, PrintStream out) {
        List<ChatMessage> history = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (String turn : List.of("My name is Alice.", "What is my name?")) {
            history.add(ChatMessage.user(turn));
            ChatResponse response = client.chat(ChatRequest.builder().messages(history).build());
            history.add(response.message());
            replies.add(response.text());
            out.println("> " + turn);
            out.println(response.text());
        }
        return Checks.multiTurn(replies);
    }

    private static Outcome agentLoop(LlmClient client, PrintStream out) {
        if (!client.capabilities().supports(Capability.TOOLS)) {
            return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.TOOLS));
        }
        List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user(Prompts.AGENT_QUESTION)));
        int toolCalls = 0;
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            ChatResponse response = client.chat(ChatRequest.builder().messages(history).addTool(GET_WEATHER).build());
            history.add(response.message());
            if (response.toolCalls().isEmpty()) {
                out.println(response.text());
                return Checks.agentLoop(response.text(), toolCalls);
            }
            for (ToolCall call : response.toolCalls()) {
                toolCalls++;
                String result = getWeather(call.arguments());
                out.println("  tool call " + call.name() + "(" + call.arguments() + ") -> " + result);
                history.add(ChatMessage.tool(call.id(), result));
            }
        }
        return Outcome.failed("no final answer after " + MAX_TURNS + " turns");
    }

    /** What the get_weather tool answers: a fixed forecast for the city in the arguments. */
    private static String getWeather(String argumentsJson) {
        ObjectNode result = JSON.createObjectNode();
        try {
            result.put("city", JSON.readTree(argumentsJson).path("city").asText("unknown"))
                    .put("temperature_c", 21).put("sky", "clear");
        } catch (JsonProcessingException notJson) {
            result.put("error", "arguments are not valid JSON: " + notJson.getOriginalMessage());
        }
        return result.toString();
    }
}
