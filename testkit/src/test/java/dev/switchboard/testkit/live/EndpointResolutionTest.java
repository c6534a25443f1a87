package dev.switchboard.testkit.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.Capability;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.gguf.DemoModel;

class EndpointResolutionTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void llmBaseUrlWinsAndLlmUnsupportedNamesWhatItLacks() throws Exception {
        Map<String, String> env = Map.of("LLM_BASE_URL", "http://127.0.0.1:1/v1", "LLM_MODEL", "m",
                "LLM_UNSUPPORTED", "tools, Embeddings");

        try (LiveEndpoint live = EndpointResolution.resolve(env, log::add)) {
            assertThat(live.kind()).isEqualTo(LiveEndpoint.Kind.ENVIRONMENT);
            assertThat(live.endpoint().baseUrl()).isEqualTo("http://127.0.0.1:1/v1");
            assertThat(live.endpoint().chatModel()).isEqualTo("m");
            assertThat(live.ollamaApi()).as("a server that does not answer is no Ollama").isFalse();
            assertThat(live.capabilities().supports(Capability.TOOLS)).isFalse();
            assertThat(live.capabilities().supports(Capability.EMBEDDINGS)).isFalse();
            assertThat(live.capabilities().supports(Capability.STREAMING)).isTrue();
            assertThat(live.capabilities().reasonUnsupported(Capability.TOOLS)).contains("LLM_UNSUPPORTED");
            assertThat(live.describe()).startsWith("LLM_BASE_URL at http://127.0.0.1:1/v1").endsWith("LLM_BASE_URL is set");
        }
        assertThat(log).singleElement().asString().startsWith("endpoint: LLM_BASE_URL at ");
    }

    @Test
    void theDescriptionNeverShowsTheBaseUrlsCredentials() throws Exception {
        Map<String, String> env = Map.of("LLM_BASE_URL", "http://user:pw-secret-5@127.0.0.1:1/v1", "LLM_MODEL", "m",
                "LLM_PROBE_TIMEOUT", "0.5");

        try (LiveEndpoint live = EndpointResolution.resolve(env, log::add)) {
            assertThat(live.describe()).startsWith("LLM_BASE_URL at http://user:***@127.0.0.1:1/v1")
                    .doesNotContain("pw-secret-5");
        }
        assertThat(log).singleElement().asString().doesNotContain("pw-secret-5");
    }

    @Test
    void aServerThatAnswersLikeOllamaIsSeenToServeTheNativeApi() throws Exception {
        // A generous probe timeout: a fresh server on a loaded CI machine may take over a second to answer
        // its first request (the fixed one-second probe failed there).
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine());
             LiveEndpoint live = EndpointResolution.resolve(
                     Map.of("LLM_BASE_URL", server.openAiBaseUrl(), "LLM_PROBE_TIMEOUT", "60"), log::add)) {
            assertThat(live.ollamaApi()).isTrue();
            assertThat(live.describe()).contains("Ollama's /api too");
        }
    }

    @Test
    @Timeout(60)
    void anOllamaSlowerThanASecondIsStillSeenAsOne() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(1_500); // longer than the one-second probe this replaced; far below the timeout given
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "Ollama is running".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slow.start();
        try {
            String root = "http://127.0.0.1:" + slow.getAddress().getPort();
            try (LiveEndpoint live = EndpointResolution.resolve(
                    Map.of("LLM_BASE_URL", root + "/v1", "LLM_PROBE_TIMEOUT", "30"), log::add)) {
                assertThat(live.ollamaApi()).isTrue();
            }
        } finally {
            slow.stop(0);
        }
    }

    @Test
    @Timeout(60)
    void aServerThatNeverAnswersIsNoOllamaOnceTheProbeTimeoutPasses() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            String root = "http://127.0.0.1:" + silent.getAddress().getPort();
            try (LiveEndpoint live = EndpointResolution.resolve(
                    Map.of("LLM_BASE_URL", root + "/v1", "LLM_PROBE_TIMEOUT", "0.2"), log::add)) {
                assertThat(live.ollamaApi()).isFalse();
            }
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void aProbeTimeoutThatIsNotAPositiveNumberIsAClearError() {
        for (String bad : List.of("soon", "0", "-1", "NaN", "5000")) {
            assertThatThrownBy(() -> EndpointResolution.resolve(
                    Map.of("LLM_BASE_URL", "http://127.0.0.1:1/v1", "LLM_PROBE_TIMEOUT", bad), log::add))
                    .as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessage("LLM_PROBE_TIMEOUT=" + bad + " is not a number of seconds between 0 and 3600, e.g. 0.5 or 30");
        }
        assertThat(EndpointResolution.probeTimeout(Map.of("LLM_PROBE_TIMEOUT", "0.5"), Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(EndpointResolution.probeTimeout(Map.of(), EndpointResolution.ENDPOINT_PROBE_TIMEOUT))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownStepOrCapabilityIsAClearError() {
        assertThatThrownBy(() -> EndpointResolution.resolve(Map.of("LLM_ENDPOINT", "cloud"), log::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("LLM_ENDPOINT=cloud is not one of environment, local-ollama, testcontainers, in-process");
        assertThatThrownBy(() -> EndpointResolution.resolve(
                Map.of("LLM_BASE_URL", "http://127.0.0.1:1/v1", "LLM_UNSUPPORTED", "teleport"), log::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'teleport'").hasMessageContaining("TOOLS");
    }

    @Test
    void whenTheEngineCannotLoadTheResolutionSaysSoAndThrowsTheReason() {
        assertThatThrownBy(() -> EndpointResolution.resolve(Map.of("LLM_ENDPOINT", "in-process"), log::add, builder -> {
            throw new ModelLoadException(Path.of("demo.gguf"), "libjllama.so: cannot open shared object file", true);
        })).isInstanceOf(ModelLoadException.class)
                .satisfies(e -> assertThat(((ModelLoadException) e).nativeLibraryUnavailable()).isTrue());
        assertThat(log).singleElement().asString().startsWith("generating the demo model in ");
    }

    @Test
    @Timeout(120)
    void llmModelFileIsServedInProcessWithToolsAndClosingStopsTheServer() throws Exception {
        Path file = dir.resolve("my-model.gguf");
        DemoModel.write(file, 5);
        String modelsUrl;

        try (LiveEndpoint live = EndpointResolution.resolve(
                Map.of("LLM_ENDPOINT", "in-process", "LLM_MODEL_FILE", file.toString()), log::add)) {
            assertThat(live.kind()).isEqualTo(LiveEndpoint.Kind.IN_PROCESS_LLAMA_CPP);
            assertThat(live.endpoint().chatModel()).isEqualTo("my-model");
            assertThat(live.endpoint().embeddingModel()).isEqualTo("my-model");
            assertThat(live.ollamaApi()).isTrue();
            assertThat(live.capabilities().supports(Capability.TOOLS)).isTrue();
            assertThat(live.reason()).startsWith("LLM_ENDPOINT=in-process; serving LLM_MODEL_FILE " + file);
            modelsUrl = live.endpoint().baseUrl() + "/models";
            assertThat(get(modelsUrl)).contains("\"my-model\"");
        }
        assertThatThrownBy(() -> get(modelsUrl)).isInstanceOf(ConnectException.class);
        assertThat(log.get(0)).isEqualTo("loading LLM_MODEL_FILE " + file + " into the in-process llama.cpp engine");
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
