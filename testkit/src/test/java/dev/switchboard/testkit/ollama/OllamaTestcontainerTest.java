package dev.switchboard.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The real container. Needs a Docker engine and, on the first run, the network to pull the image and
 * the models; without Docker JUnit reports it skipped ("disabledWithoutDocker is true and Docker is
 * not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class OllamaTestcontainerTest {

    @Test
    void startsWithBothModelsPresentAndLeavesACacheImage() throws IOException {
        List<String> log = new ArrayList<>();
        try (OllamaTestcontainer ollama = OllamaTestcontainer.start(
                OllamaTestcontainer.DEFAULT_CHAT_MODEL, OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL, log::add)) {

            List<String> installed = new OllamaModels(ollama.rootUrl(), line -> { }).installed();
            assertThat(OllamaModels.contains(installed, OllamaTestcontainer.DEFAULT_CHAT_MODEL)).isTrue();
            assertThat(OllamaModels.contains(installed, OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL)).isTrue();
            assertThat(ollama.endpoint().baseUrl()).isEqualTo(ollama.rootUrl() + "/v1");
            assertThat(log).first().asString().startsWith("starting Ollama container from ");
        }
    }
}
