package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.openai.errors.OpenAIInvalidDataException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.LlamaCppEngine;
import dev.switchboard.server.gguf.DemoModel;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class StructuredOutputTest {

    private static final String PARIS = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"tiny\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
            + "\"content\":\"{\\\"name\\\":\\\"Paris\\\",\\\"country\\\":\\\"France\\\",\\\"population\\\":2100000}\"}}],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}";

    @Test
    void sendsTheSchemaDerivedFromTheRecordAndParsesTheAnswerBackIntoIt() throws InterruptedException {
        // A canned answer in llama-server's shape: the scripted engine echoes prose, not JSON.
        try (RecordedServer canned = new RecordedServer().enqueue(200, "application/json", PARIS)) {
            StructuredOutput.City city = StructuredOutput.run(canned.baseUrl(), "test-key", "tiny", "Tell me about the capital of France.");

            assertThat(city).isEqualTo(new StructuredOutput.City("Paris", "France", 2_100_000));
            String request = canned.takeRequestBody().replace(" ", "");
            assertThat(request).contains("\"response_format\":{\"json_schema\":")
                    .contains("\"type\":\"json_schema\"")
                    .contains("\"name\":{\"type\":\"string\",\"description\":\"Thecity'sname\"}")
                    .contains("\"population\":{\"type\":\"integer\"")
                    .contains("\"required\":[\"country\",\"name\",\"population\"],\"additionalProperties\":false");
        }
    }

    @Test
    void anAnswerCutAtMaxTokensIsReportedAsSuchNotAsBadJson() {
        // llama-server, recorded: json_schema honoured, but max_tokens 64 ends inside a string.
        try (RecordedServer recorded = new RecordedServer().enqueueTranscript("48-json-schema-format.txt")) {
            assertThatThrownBy(() -> StructuredOutput.run(recorded.baseUrl(), "test-key", "tiny", "json please"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("max_tokens");
        }
    }

    @Test
    @Timeout(120)
    void offlineTheInProcessDemoModelAnswersWithACity() {
        // The demo model (random weights — text is not meaningful) samples under a grammar built from the
        // schema, so whatever it picks parses into a City: well-formed, not sensible.
        LlamaCppEngine engine = LlamaCppEngine.demo(Path.of("target", "models"), DemoModel.DEFAULT_SEED).build();
        try (SwitchboardServer server = SwitchboardServer.start(engine)) {
            StructuredOutput.City city = StructuredOutput.run(server.openAiBaseUrl(), "test-key", engine.modelName(),
                    "Tell me about the capital of France.");

            assertThat(city.name()).isNotNull();
            assertThat(city.country()).isNotNull();
        }
    }

    @Test
    void proseFromAServerThatIgnoresTheSchemaIsInvalidDataNamingTheContent(Endpoint endpoint) {
        // The scripted engine does not follow response_format; it echoes.
        assertThatThrownBy(() -> StructuredOutput.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Tell me about Paris"))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessageContaining("You said: Tell me about Paris");
    }
}
