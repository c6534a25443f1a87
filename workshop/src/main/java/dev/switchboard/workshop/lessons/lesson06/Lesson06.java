package dev.switchboard.workshop.lessons.lesson06;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.rawhttp.RawHttpLlmClient;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 6, tools and the agent loop. The check first gives the learner's tool good and bad
 * arguments (no endpoint needed), then runs their loop through a client that records every request
 * and response, and looks at the protocol: {@code get_weather} offered, a call made with JSON
 * arguments naming a city, each call answered by a {@code tool} message with its id, and an answer
 * at the end within {@link #MAX_TURNS} requests. A server that refuses tools (Ollama's 400
 * "does not support tools") makes the loop "n/a on this endpoint",
 * not a failure: the loop is then checked on an embedded scripted server instead.
 */
public final class Lesson06 implements Lesson<WeatherAgent> {

    /** The most requests the loop may send: the question, the tool round trip, and slack. */
    public static final int MAX_TURNS = 5;
    /** What the loop is asked; answering it needs get_weather. */
    public static final String QUESTION = "What is the weather in Paris?";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Function<Endpoint, LlmClient> clients;

    /** The lesson, sending through a {@link RawHttpLlmClient}. */
    public Lesson06() {
        this(RawHttpLlmClient::new);
    }

    Lesson06(Function<Endpoint, LlmClient> clients) {
        this.clients = clients;
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "Tools and the agent loop";
    }

    @Override
    public WeatherAgent starter() {
        return new AgentLoop();
    }

    @Override
    public WeatherAgent solution() {
        return new dev.switchboard.workshop.lessons.lesson06.solution.AgentLoop();
    }

    @Override
    public Verdict check(WeatherAgent work, Endpoint endpoint) {
        List<String> findings = new ArrayList<>();
        boolean tool = checkTool(work, findings);
        boolean loop = checkLoop(work, endpoint, findings);
        return new Verdict(tool && loop, findings);
    }

    /** The tool on good and bad arguments: a model can send broken JSON or leave the city out. */
    static boolean checkTool(WeatherAgent work, List<String> findings) {
        Map<String, String> cases = Map.of(
                "{\"city\":\"Paris\"}", "good arguments",
                "{\"city\": \"Par", "broken JSON (a cut-off argument string)",
                "{}", "JSON without a city");
        boolean ok = true;
        for (String arguments : List.of("{\"city\":\"Paris\"}", "{\"city\": \"Par", "{}")) {
            String what = cases.get(arguments);
            String result;
            try {
                result = work.weather(arguments);
            } catch (RuntimeException e) {
                String said = Explain.exception(e);
                findings.add(said.startsWith("not done yet") ? said
                        : "weather(" + arguments + ") threw on " + what + " (" + said + "): return "
                                + "{\"error\":\"...\"} instead, so the loop goes on and the model can try again");
                return false;
            }
            JsonNode json = parse(result);
            boolean good = arguments.contains("Paris");
            if (json == null || !json.isObject()) {
                findings.add("weather(" + arguments + ") returned " + result + ", which is not a JSON object: "
                        + "a tool message's content should be JSON the model can read");
                ok = false;
            } else if (good && (json.has("error") || !result.contains("Paris"))) {
                findings.add("weather({\"city\":\"Paris\"}) returned " + result
                        + ": expected the weather for Paris, without an \"error\"");
                ok = false;
            } else if (!good && !json.has("error")) {
                findings.add("weather(" + arguments + ") returned " + result + " for " + what
                        + ": answer {\"error\":\"...\"} so the model knows its arguments were wrong");
                ok = false;
            }
        }
        if (ok) {
            findings.add("the tool answers good arguments with the weather, and broken JSON or a missing city "
                    + "with {\"error\":...} instead of throwing");
        }
        return ok;
    }

    /** The loop against the endpoint, through a recording client. */
    boolean checkLoop(WeatherAgent work, Endpoint endpoint, List<String> findings) {
        String answer;
        RecordingClient client = new RecordingClient(clients.apply(endpoint));
        try (client) {
            answer = work.run(client, endpoint.chatModel(), QUESTION, MAX_TURNS);
        } catch (BadRequestException e) {
            String said = e.providerMessage() == null ? String.valueOf(e.getMessage()) : e.providerMessage();
            if (said.contains("does not support tools")) {
                findings.add("the loop is n/a on this endpoint: the server refuses tools (" + said + "); "
                        + "use a model that calls tools (Ollama: qwen3:0.6b) to see it run with a model");
                return onScriptedServer(work, findings);
            }
            findings.add("the server refused a request (400: " + said + "): " + hintFor(client));
            return false;
        } catch (IllegalStateException e) {
            findings.add("run() gave up: " + e.getMessage() + " (" + client.exchanges().size() + " requests sent)");
            return false;
        } catch (RuntimeException e) {
            findings.add(Explain.exception(e));
            return false;
        }
        return checkExchanges(client.exchanges(), answer, findings);
    }

    /**
     * The loop once more, on an embedded server running the scripted engine (fixed rules that call
     * get_weather for "What is the weather in Paris?"), when the learner's endpoint refuses tools: the
     * protocol is still checked, only not with a model.
     */
    private boolean onScriptedServer(WeatherAgent work, List<String> findings) {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            Endpoint scripted = Endpoint.builder().baseUrl(server.openAiBaseUrl()).chatModel(ScriptedEngine.MODEL)
                    .build();
            List<String> there = new ArrayList<>();
            boolean passed = checkLoop(work, scripted, there);
            there.forEach(finding -> findings.add("on the scripted server instead (fixed rules, not a model): " + finding));
            return passed;
        }
    }

    /** What went over the wire, compared with the agent loop's protocol. */
    static boolean checkExchanges(List<RecordingClient.Exchange> exchanges, String answer, List<String> findings) {
        if (exchanges.isEmpty()) {
            findings.add("run() returned without sending a request: send each turn with client.chat(...)");
            return false;
        }
        if (exchanges.size() > MAX_TURNS) {
            findings.add("run() sent " + exchanges.size() + " requests, more than maxTurns (" + MAX_TURNS
                    + "): stop after maxTurns");
            return false;
        }
        ChatRequest first = exchanges.get(0).request();
        if (first.tools().stream().noneMatch(tool -> tool.name().equals("get_weather"))) {
            findings.add("the first request offered no get_weather tool: add it with addTool(GET_WEATHER), "
                    + "or the model cannot call it");
            return false;
        }
        List<ToolCall> calls = exchanges.stream().flatMap(x -> x.response().toolCalls().stream()).toList();
        if (calls.isEmpty()) {
            findings.add("the model answered without calling get_weather; run the check again, "
                    + "or use a model that calls tools (Ollama: qwen3:0.6b)");
            return false;
        }
        for (ToolCall call : calls) {
            JsonNode arguments = parse(call.arguments());
            if (arguments == null || !arguments.path("city").isTextual() || arguments.path("city").asText().isBlank()) {
                findings.add("the model called " + call.name() + " with " + call.arguments()
                        + ", not JSON naming a city: your tool answered it with an error (as it should); "
                        + "run the check again, a small model does this now and then");
                return false;
            }
        }
        for (int i = 0; i < exchanges.size(); i++) {
            List<ToolCall> asked = exchanges.get(i).response().toolCalls();
            if (asked.isEmpty()) {
                continue;
            }
            if (i + 1 == exchanges.size()) {
                findings.add("the last answer still had tool calls, but run() returned: answer them and ask again");
                return false;
            }
            List<ChatMessage> next = exchanges.get(i + 1).request().messages();
            boolean assistantBack = next.stream().anyMatch(m -> m instanceof ChatMessage.AssistantMessage a
                    && a.toolCalls().stream().anyMatch(c -> c.id().equals(asked.get(0).id())));
            if (!assistantBack) {
                findings.add("the request after the tool calls lacks the assistant message that made them: "
                        + "add response.message() to the history before the tool messages");
                return false;
            }
            for (ToolCall call : asked) {
                boolean answered = next.stream().anyMatch(m -> m instanceof ChatMessage.ToolMessage t
                        && t.toolCallId().equals(call.id()));
                if (!answered) {
                    findings.add("the tool call " + call.id() + " got no tool message with tool_call_id " + call.id()
                            + ": add ChatMessage.tool(call.id(), result) for every call");
                    return false;
                }
            }
        }
        if (!exchanges.get(exchanges.size() - 1).response().toolCalls().isEmpty() || answer == null
                || answer.isBlank()) {
            findings.add("run() returned " + (answer == null || answer.isBlank() ? "no text" : "'" + answer + "'")
                    + ": return response.text() of the first answer without tool calls");
            return false;
        }
        findings.add(calls.size() + " tool call(s) with JSON arguments naming a city, each answered with its id "
                + "(" + calls.get(0).id() + "), then an answer after " + exchanges.size() + " requests");
        return true;
    }

    private static String hintFor(RecordingClient client) {
        return client.exchanges().isEmpty() ? "look at the first request you build"
                : "look at the messages you send after a tool call (the assistant message, then one tool message per call)";
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
