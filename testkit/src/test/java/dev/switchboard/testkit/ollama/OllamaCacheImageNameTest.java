package dev.switchboard.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The cache image's name needs no Docker. */
class OllamaCacheImageNameTest {

    @Test
    void carriesThePinnedVersionAndTheModels() {
        assertThat(OllamaTestcontainer.cacheImageName(List.of("qwen3:0.6b", "all-minilm")))
                .isEqualTo("switchboard-ollama:0.24.0-qwen3-0.6b-all-minilm");
    }
}
