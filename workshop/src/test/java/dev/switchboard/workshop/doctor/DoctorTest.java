package dev.switchboard.workshop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class DoctorTest {

    /** The machine as a test wants it: no Ollama, no Docker, plenty of disk and memory. */
    private static class Quiet implements Doctor.Probes {
        @Override
        public boolean ollamaAnswers(String rootUrl) {
            return false;
        }

        @Override
        public boolean dockerAvailable() {
            return false;
        }

        @Override
        public long usableDisk(Path dir) {
            return 100L << 30;
        }

        @Override
        public long maxHeap() {
            return 4L << 30;
        }

        @Override
        public long physicalMemory() {
            return 16L << 30;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readyAgainstTheScriptedServer(Endpoint endpoint) {
        int status = Doctor.run(Map.of("LLM_BASE_URL", endpoint.baseUrl(), "LLM_MODEL", endpoint.chatModel(),
                "LLM_EMBEDDING_MODEL", endpoint.embeddingModel()), out, new Quiet(), Path.of("."));

        assertThat(status).as(printed()).isZero();
        assertThat(printed()).contains("✓ endpoint: LLM_BASE_URL is set, so the lessons use " + endpoint.baseUrl())
                .contains("✓ the chat model scripted is there").contains("✓ the embedding model scripted-embed is there")
                .doesNotContain("✗").contains("Verdict: ready — start with lesson 1");
    }

    @Test
    void notReadyWhenLlmBaseUrlPointsAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int status = Doctor.run(Map.of("LLM_BASE_URL", "http://127.0.0.1:" + port + "/v1", "LLM_MODEL", "m"), out,
                new Quiet(), Path.of("."));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("✗ endpoint: LLM_BASE_URL is set, so the lessons use http://127.0.0.1:" + port)
                .contains("nothing answers there")
                .contains("Fix: start that server").contains("or unset it to let the workshop find one")
                .contains("Verdict: NOT READY");
    }

    @Test
    void aMissingChatModelIsNotReadyAndSaysWhichOnesAreThere(Endpoint endpoint) {
        int status = Doctor.run(Map.of("LLM_BASE_URL", endpoint.baseUrl(), "LLM_MODEL", "qwen3:0.6b",
                "LLM_EMBEDDING_MODEL", endpoint.embeddingModel()), out, new Quiet(), Path.of("."));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("✗ the server does not list the chat model qwen3:0.6b")
                .contains("Fix: export LLM_MODEL=<one of those>");
    }

    @Test
    void nothingAtAllIsNotReadyAndSaysHowToGetAModel() {
        Doctor.Probes bare = new Quiet() {
            @Override
            public Optional<String> llamaNativeLibrary() {
                return Optional.empty();
            }
        };
        int status = Doctor.run(Map.of(), out, bare, Path.of("."));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("! LLM_BASE_URL is not set and no Ollama answers at http://localhost:11434")
                .contains("ollama pull qwen3:0.6b").contains("ollama pull all-minilm")
                .contains("✗ endpoint: no LLM_BASE_URL").contains("Verdict: NOT READY");
    }

    @Test
    void theInProcessEngineIsReadyWithWarnings() {
        Doctor.Probes natives = new Quiet() {
            @Override
            public Optional<String> llamaNativeLibrary() {
                return Optional.of("de/kherud/llama/Linux/x86_64/libjllama.so");
            }
        };
        int status = Doctor.run(Map.of(), out, natives, Path.of("."));

        assertThat(status).isZero();
        assertThat(printed()).contains("! endpoint: no Docker engine either, so the lessons run the in-process")
                .contains("Verdict: ready with warnings");
    }

    @Test
    void anOldJdkIsNotReady(Endpoint endpoint) {
        Doctor.Probes old = new Quiet() {
            @Override
            public String[] jdk() {
                return new String[] {"1.8.0_392", "Temurin"};
            }
        };
        int status = Doctor.run(Map.of("LLM_BASE_URL", endpoint.baseUrl(), "LLM_MODEL", endpoint.chatModel(),
                "LLM_EMBEDDING_MODEL", endpoint.embeddingModel()), out, old, Path.of("."));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains("✗ Java 1.8.0_392 (Temurin) is older than 17. Fix: install a JDK 17");
    }
    @Test
    void aLocalOllamaWithoutTheModelsIsReadyWithWarningsAndSaysWhatToPull(Endpoint endpoint) {
        Doctor.Probes ollama = new Quiet() {
            @Override
            public boolean ollamaAnswers(String rootUrl) {
                return true;
            }

            @Override
            public Doctor.HttpResult get(String url, String apiKey) throws IOException {
                // the scripted server serves Ollama's /api/tags (models scripted, scripted-embed, ...)
                return super.get(url.replace("http://localhost:11434", endpoint.rootUrl()), apiKey);
            }
        };
        int status = Doctor.run(Map.of("LLM_EMBEDDING_MODEL", "scripted-embed"), out, ollama, Path.of("."));

        assertThat(status).as(printed()).isZero();
        assertThat(printed()).contains("✓ endpoint: LLM_BASE_URL is not set and an Ollama answers at http://localhost:11434")
                .contains("! the chat model qwen3:0.6b is not pulled yet").contains("ollama pull qwen3:0.6b")
                .contains("✓ the embedding model scripted-embed is there").contains("Verdict: ready with warnings");
    }

    @Test
    void neverPrintsTheApiKeyNorTheBaseUrlsCredentials() {
        String key = "sk-doctor-secret-1";
        String password = "pw-doctor-secret-2";
        String url = "http://user:" + password + "@127.0.0.1:1/v1";
        Doctor.Probes quoting = new Quiet() {
            @Override
            public Doctor.HttpResult get(String getUrl, String apiKey) throws IOException {
                // an error message that quotes what it was given, as some do
                throw new IOException("cannot reach " + getUrl + " with Bearer " + apiKey);
            }
        };

        int status = Doctor.run(Map.of("LLM_BASE_URL", url, "LLM_API_KEY", key, "LLM_MODEL", "m"), out, quoting,
                Path.of("."));

        assertThat(status).isEqualTo(1);
        assertThat(printed()).doesNotContain(key).doesNotContain(password)
                .contains("the lessons use http://user:***@127.0.0.1:1/v1").contains("with Bearer ***");
    }

    @Test
    void aBaseUrlWithAKeyInItsQueryIsShownRedacted() {
        String url = "http://127.0.0.1:1/v1?api-key=q-doctor-secret-3";
        Doctor.Probes quoting = new Quiet() {
            @Override
            public Doctor.HttpResult get(String getUrl, String apiKey) throws IOException {
                throw new IOException("cannot reach " + getUrl);
            }
        };

        Doctor.run(Map.of("LLM_BASE_URL", url, "LLM_MODEL", "m"), out, quoting, Path.of("."));

        assertThat(printed()).doesNotContain("q-doctor-secret-3").contains("api-key=***");
    }
}
