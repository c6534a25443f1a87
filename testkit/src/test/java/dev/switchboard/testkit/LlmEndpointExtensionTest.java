package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

@ExtendWith(LlmEndpointExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmEndpointExtensionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void endpointPointsAtTheScriptedServer(Endpoint endpoint, SwitchboardServer server) throws Exception {
        assertThat(endpoint.baseUrl()).isEqualTo(server.openAiBaseUrl()).endsWith("/v1");
        assertThat(endpoint.chatModel()).isEqualTo(ScriptedEngine.MODEL);
        assertThat(endpoint.embeddingModel()).isEqualTo(ScriptedEngine.EMBEDDING_MODEL);
        assertThat(endpoint.maxRetries()).isZero();

        HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("\"scripted\"");
    }

    @Test
    @Order(2)
    void leavesAFaultBehind(Endpoint endpoint, SwitchboardServer server) throws Exception {
        server.faults().forModel(ScriptedEngine.MODEL, new Fault.Status(503, "left behind", Duration.ZERO));

        HttpResponse<String> chat = chat(endpoint);

        assertThat(chat.statusCode()).isEqualTo(503);
        assertThat(chat.body()).contains("left behind");
    }

    @Test
    @Order(3)
    void clearsFaultsBeforeEachTest(Endpoint endpoint) throws Exception {
        HttpResponse<String> chat = chat(endpoint);

        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(chat.body()).contains("You said: Hello");
    }

    @Test
    @Order(4)
    void oneServerForTheRun(SwitchboardServer first, SwitchboardServer second) {
        assertThat(first).isSameAs(second);
    }

    private HttpResponse<String> chat(Endpoint endpoint) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
