package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.gguf.DemoModel;

/**
 * Tool calls and structured output from the llama.cpp engine on the demo model (random weights —
 * text is not meaningful): whatever it samples, the grammar makes a call whose arguments, and a
 * JSON answer that, validate against the schema. Validated with networknt's json-schema-validator.
 * The wire shapes follow llama-server ({@code llama-server-transcripts/34-forced-tool-call.txt},
 * {@code 35-forced-tool-call-stream.txt}) and Ollama ({@code ollama-wire.md}).
 */
@Timeout(120)
class LlamaCppToolsHttpTest {

    private static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
            + "\"description\":\"City name\"},\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]},"
            + "\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":7}},\"required\":[\"city\",\"days\"]}";
    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Get the weather for a city\",\"parameters\":" + WEATHER_SCHEMA + "}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"convert\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"value\":{\"type\":\"number\"}},\"required\":[\"value\"]}}}]";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static LlamaCppEngine engine;
    static SwitchboardServer server;

    @BeforeAll
    static void start() {
        engine = LlamaCppEngine.demo(LlamaModels.modelsDirectory(), DemoModel.DEFAULT_SEED).build();
        server = SwitchboardServer.start(engine);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String ask(String extra) {
        return "{\"model\":\"" + engine.modelName() + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What is the weather in Paris?\"}]," + TOOLS + extra + "}";
    }

    private static List<Error> validate(String schema, String json) {
        Schema compiled = SCHEMAS.getSchema(schema);
        return compiled.validate(json, InputFormat.JSON);
    }

    @Test
    void aRequiredCallIsOneToolCallWhoseArgumentsValidate() {
        for (int seed = 1; seed <= 5; seed++) {
            HttpResponse<String> response = Http.post(server, "/v1/chat/completions",
                    ask(",\"tool_choice\":\"required\",\"seed\":" + seed));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode choice = Http.json(response.body()).path("choices").path(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            JsonNode calls = choice.path("message").path("tool_calls");
            assertThat(calls.size()).isEqualTo(1);
            JsonNode call = calls.path(0);
            assertThat(call.path("type").asText()).isEqualTo("function");
            assertThat(call.path("id").asText()).matches("[A-Za-z0-9]{32}");
            String name = call.path("function").path("name").asText();
            assertThat(name).isIn("get_weather", "convert");
            String arguments = call.path("function").path("arguments").asText();
            String schema = name.equals("get_weather") ? WEATHER_SCHEMA
                    : "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"number\"}},\"required\":[\"value\"]}";
            assertThat(validate(schema, arguments)).as("arguments %s against %s", arguments, schema).isEmpty();
        }
    }

    @Test
    void aNamedFunctionIsTheOneCalled() {
        HttpResponse<String> response = Http.post(server, "/v1/chat/completions",
                ask(",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},\"seed\":7"));

        JsonNode call = Http.json(response.body()).path("choices").path(0).path("message").path("tool_calls").path(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(validate(WEATHER_SCHEMA, call.path("function").path("arguments").asText())).isEmpty();
    }

    @Test
    void aStreamedCallArrivesInFragmentsMergedByIndexAndEndsWithToolCalls() throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(ask(
                                ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},\"stream\":true")))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        List<JsonNode> fragments = new ArrayList<>();
        List<String> finishes = new ArrayList<>();
        response.body().forEach(line -> {
            if (line.startsWith("data: {")) {
                JsonNode choice = Http.json(line.substring(6)).path("choices").path(0);
                choice.path("delta").path("tool_calls").forEach(fragments::add);
                if (choice.path("finish_reason").isTextual()) {
                    finishes.add(choice.path("finish_reason").asText());
                }
            }
        });

        assertThat(fragments.size()).as("fragments").isGreaterThan(1);
        assertThat(fragments).allSatisfy(f -> assertThat(f.path("index").asInt(-1)).isZero());
        assertThat(fragments.get(0).path("function").path("name").asText()).isEqualTo("get_weather");
        StringBuilder arguments = new StringBuilder();
        fragments.forEach(f -> arguments.append(f.path("function").path("arguments").asText("")));
        assertThat(validate(WEATHER_SCHEMA, arguments.toString())).isEmpty();
        assertThat(finishes).containsExactly("tool_calls");
    }

    @Test
    void autoCallsTheMatchingToolWhenTheUserSpokeLastAndAnswersAfterAToolResult() {
        JsonNode first = Http.json(Http.post(server, "/v1/chat/completions", ask(",\"seed\":3")).body())
                .path("choices").path(0);
        assertThat(first.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = first.path("message").path("tool_calls").path(0);
        assertThat(call.path("function").path("name").asText()).as("the tool whose name matches the question")
                .isEqualTo("get_weather");

        String roundTrip = "{\"model\":\"" + engine.modelName() + "\",\"max_tokens\":8,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"What is the weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + call.path("id").asText() + "\",\"content\":\"{\\\"temp\\\":21}\"}],"
                + TOOLS + "}";
        JsonNode second = Http.json(Http.post(server, "/v1/chat/completions", roundTrip).body()).path("choices").path(0);

        assertThat(second.path("message").path("tool_calls").isMissingNode()).isTrue();
        assertThat(second.path("message").path("content").asText()).isNotEmpty();
        assertThat(second.path("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void noneAnswersInTextWithoutTheTools() {
        JsonNode choice = Http.json(Http.post(server, "/v1/chat/completions",
                ask(",\"tool_choice\":\"none\",\"max_tokens\":6")).body()).path("choices").path(0);

        assertThat(choice.path("message").path("tool_calls").isMissingNode()).isTrue();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void theToolResultIsRenderedIntoTheNextTurn() {
        ToolCall call = new ToolCall("c1", "get_weather", "{\"city\":\"Paris\",\"days\":1}");
        ToolSpec tool = new ToolSpec("get_weather", null, WEATHER_SCHEMA);
        ChatRequest shortResult = ChatRequest.builder().user("Weather?").addTool(tool)
                .addMessage(new ChatMessage.AssistantMessage(null, null, List.of(call)))
                .addMessage(ChatMessage.tool("c1", "ok")).build();
        ChatRequest longResult = shortResult.toBuilder().messages(List.of(shortResult.messages().get(0),
                shortResult.messages().get(1), ChatMessage.tool("c1", "sunny and warm with a light breeze all day long")))
                .build();

        assertThat(engine.promptTokens(longResult) - engine.promptTokens(shortResult))
                .isEqualTo(engine.countTokens("sunny and warm with a light breeze all day long") - engine.countTokens("ok"));
    }

    @Test
    void ollamaGetsTheCallAsMessageToolCallsWithArgumentsAsAnObject() {
        String body = "{\"model\":\"" + engine.modelName() + "\",\"stream\":false,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"What is the weather in Paris?\"}]," + TOOLS + "}";
        JsonNode answer = Http.json(Http.post(server, "/api/chat", body).body());

        JsonNode call = answer.path("message").path("tool_calls").path(0).path("function");
        assertThat(call.path("name").asText()).isIn("get_weather", "convert");
        assertThat(call.path("arguments").isObject()).isTrue();
        assertThat(answer.path("done_reason").asText()).isEqualTo("stop");
    }

    @Test
    void aJsonSchemaAnswerParsesAndValidates() {
        String schema = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"answer\",\"n\",\"tags\"]}";
        for (int seed = 1; seed <= 5; seed++) {
            String body = "{\"model\":\"" + engine.modelName() + "\",\"seed\":" + seed + ",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"json please\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
                    + "{\"name\":\"x\",\"schema\":" + schema + "}}}";
            JsonNode choice = Http.json(Http.post(server, "/v1/chat/completions", body).body()).path("choices").path(0);

            String content = choice.path("message").path("content").asText();
            assertThat(validate(schema, content)).as(content).isEmpty();
            assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        }
    }

    @Test
    void aJsonObjectAnswerIsAnObject() {
        String body = "{\"model\":\"" + engine.modelName() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"json\"}],"
                + "\"response_format\":{\"type\":\"json_object\"}}";
        String content = Http.json(Http.post(server, "/v1/chat/completions", body).body()).path("choices").path(0)
                .path("message").path("content").asText();

        assertThat(Http.json(content).isObject()).as(content).isTrue();
    }

    @Test
    void ollamasFormatSchemaConstrainsTheNativeAnswer() {
        String schema = "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"},\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"ok\",\"city\"]}";
        String body = "{\"model\":\"" + engine.modelName() + "\",\"stream\":false,\"format\":" + schema
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"json\"}]}";
        String content = Http.json(Http.post(server, "/api/chat", body).body()).path("message").path("content").asText();

        assertThat(validate(schema, content)).as(content).isEmpty();
    }
}
