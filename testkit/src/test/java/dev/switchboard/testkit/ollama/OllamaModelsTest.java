package dev.switchboard.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * {@link OllamaModels} against a loopback server answering {@code /api/tags} and {@code /api/pull}
 * with the shapes recorded in ollama-wire.md §11 and §14b.
 */
class OllamaModelsTest {

    private HttpServer server;
    private final List<String> pullBodies = new CopyOnWriteArrayList<>();
    private String pullAnswer;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", exchange -> respond(exchange,
                "{\"models\":[{\"name\":\"all-minilm:latest\",\"model\":\"all-minilm:latest\"}]}"));
        server.createContext("/api/pull", exchange -> {
            pullBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, pullAnswer);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void listsInstalledModelsAndMatchesAnUntaggedNameToLatest() throws IOException {
        List<String> installed = new OllamaModels(rootUrl(), line -> { }).installed();

        assertThat(installed).containsExactly("all-minilm:latest");
        assertThat(OllamaModels.contains(installed, "all-minilm")).isTrue();
        assertThat(OllamaModels.contains(installed, "all-minilm:latest")).isTrue();
        assertThat(OllamaModels.contains(installed, "qwen3:0.6b")).isFalse();
    }

    @Test
    void pullsOnlyTheMissingModelAndReportsEachStatusAndEveryTenthOfALayer() throws IOException {
        pullAnswer = String.join("\n",
                "{\"status\":\"pulling manifest\"}",
                "{\"status\":\"pulling 7f4030143c1c\",\"digest\":\"sha256:7f40\",\"total\":523000000}",
                "{\"status\":\"pulling 7f4030143c1c\",\"digest\":\"sha256:7f40\",\"total\":523000000,\"completed\":26150000}",
                "{\"status\":\"pulling 7f4030143c1c\",\"digest\":\"sha256:7f40\",\"total\":523000000,\"completed\":51770000}",
                "{\"status\":\"pulling 7f4030143c1c\",\"digest\":\"sha256:7f40\",\"total\":523000000,\"completed\":219660000}",
                "{\"status\":\"pulling 7f4030143c1c\",\"digest\":\"sha256:7f40\",\"total\":523000000,\"completed\":523000000}",
                "{\"status\":\"verifying sha256 digest\"}",
                "{\"status\":\"writing manifest\"}",
                "{\"status\":\"success\"}") + "\n";
        List<String> lines = new ArrayList<>();

        List<String> pulled = new OllamaModels(rootUrl(), lines::add, Duration.ofHours(1))
                .ensure(List.of("all-minilm", "qwen3:0.6b"));

        assertThat(pulled).containsExactly("qwen3:0.6b");
        assertThat(pullBodies).containsExactly("{\"model\":\"qwen3:0.6b\",\"stream\":true}");
        assertThat(lines).containsExactly(
                "model qwen3:0.6b is missing at " + rootUrl().replaceAll("/$", "") + "; pulling it (once; it is kept afterwards)",
                "pulling qwen3:0.6b: pulling manifest",
                "pulling qwen3:0.6b: layer 7f4030143c1c 0% of 523.0 MB",
                "pulling qwen3:0.6b: layer 7f4030143c1c 42% of 523.0 MB",
                "pulling qwen3:0.6b: layer 7f4030143c1c 100% of 523.0 MB",
                "pulling qwen3:0.6b: verifying sha256 digest",
                "pulling qwen3:0.6b: writing manifest",
                "pulling qwen3:0.6b: success");
    }

    @Test
    void reportsALayerOnATimerWhenTenPercentTakesLonger() throws IOException {
        pullAnswer = String.join("\n",
                "{\"status\":\"pulling aaaaaaaaaaaa\",\"total\":1000,\"completed\":10}",
                "{\"status\":\"pulling aaaaaaaaaaaa\",\"total\":1000,\"completed\":20}",
                "{\"status\":\"pulling aaaaaaaaaaaa\",\"total\":1000,\"completed\":30}",
                "{\"status\":\"success\"}") + "\n";
        List<String> lines = new ArrayList<>();

        new OllamaModels(rootUrl(), lines::add, Duration.ZERO).pull("big");

        assertThat(lines).containsExactly(
                "pulling big: layer aaaaaaaaaaaa 1% of 0.0 MB",
                "pulling big: layer aaaaaaaaaaaa 2% of 0.0 MB",
                "pulling big: layer aaaaaaaaaaaa 3% of 0.0 MB",
                "pulling big: success");
    }

    @Test
    void anErrorLineBecomesAPullExceptionNamingTheModel() {
        pullAnswer = "{\"error\":\"pull model manifest: file does not exist\"}\n";

        assertThatThrownBy(() -> new OllamaModels(rootUrl(), line -> { }).pull("no-such-model"))
                .isInstanceOf(OllamaPullException.class)
                .hasMessage("could not pull no-such-model: pull model manifest: file does not exist")
                .extracting(e -> ((OllamaPullException) e).model()).isEqualTo("no-such-model");
    }

    @Test
    void aStreamThatEndsBeforeSuccessIsAnError() {
        pullAnswer = "{\"status\":\"pulling manifest\"}\n";

        assertThatThrownBy(() -> new OllamaModels(rootUrl(), line -> { }).pull("cut"))
                .isInstanceOf(OllamaPullException.class)
                .hasMessageContaining("ended before \"success\"");
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
