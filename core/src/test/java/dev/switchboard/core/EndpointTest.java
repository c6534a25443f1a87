package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void emptyEnvironmentGivesTheLocalOllamaPreset() {
        Endpoint e = Endpoint.fromEnvironment(Map.of());

        assertThat(e).isEqualTo(Endpoint.ollama());
        assertThat(e.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(e.chatModel()).isEqualTo("qwen3:0.6b");
        assertThat(e.apiKey()).isNull();
        assertThat(e.apiKeyOrPlaceholder()).isEqualTo(Endpoint.PLACEHOLDER_API_KEY);
    }

    @Test
    void llmVariablesWin() {
        Endpoint e = Endpoint.fromEnvironment(Map.of("LLM_BASE_URL", "http://127.0.0.1:8080/v1/",
                "LLM_API_KEY", "sk-llm", "LLM_MODEL", "tiny", "LLM_EMBEDDING_MODEL", "embed",
                "OPENAI_BASE_URL", "https://api.openai.com/v1", "OPENAI_API_KEY", "sk-openai"));

        assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(e.apiKey()).isEqualTo("sk-llm");
        assertThat(e.chatModel()).isEqualTo("tiny");
        assertThat(e.embeddingModel()).isEqualTo("embed");
    }

    @Test
    void openAiVariablesAreTheFallback() {
        Endpoint e = Endpoint.fromEnvironment(Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1",
                "OPENAI_API_KEY", "sk-openai", "LLM_API_KEY", "  "));

        assertThat(e.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(e.apiKey()).isEqualTo("sk-openai");
        assertThat(e.chatModel()).isNull();
    }

    @Test
    void toStringRedactsTheKey() {
        Endpoint e = Endpoint.builder().baseUrl("http://localhost:1234/v1").apiKey("sk-secret-123").build();

        assertThat(e.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
        assertThat(Endpoint.llamaCpp().toString()).contains("apiKey=none");
    }

    @Test
    void aKeyInTheUrlsUserInfoOrQueryIsRedacted() {
        Endpoint e = Endpoint.builder().baseUrl("https://me:pa55word@host.example/v1?api_key=sk-q-123&x=1").build();

        assertThat(e.toString()).doesNotContain("pa55word").doesNotContain("sk-q-123")
                .contains("https://me:***@host.example/v1?api_key=***&x=1");
        assertThat(e.baseUrl()).as("the URL itself is kept for use").contains("pa55word");
        assertThatThrownBy(() -> Endpoint.builder().baseUrl("ftp://me:pa55word@host/v1?token=sk-q-123").build())
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("pa55word").doesNotContain("sk-q-123").contains("ftp://me:***@host/v1?token=***");
        assertThat(Endpoint.redactUrl("http://host/v1?key=abc&key2=x")).isEqualTo("http://host/v1?key=***&key2=x");
        assertThat(Endpoint.redactUrl("http://host:8080/v1")).isEqualTo("http://host:8080/v1");
    }

    @Test
    void rootUrlDropsTheV1Suffix() {
        assertThat(Endpoint.ollama().rootUrl()).isEqualTo("http://localhost:11434");
        assertThat(Endpoint.builder().baseUrl("http://host:9000/api").build().rootUrl()).isEqualTo("http://host:9000/api");
    }

    @Test
    void presetsPointAtTheUsualPorts() {
        assertThat(Endpoint.llamaCpp().baseUrl()).isEqualTo("http://localhost:8080/v1");
        assertThat(Endpoint.vllm().baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(Endpoint.lmStudio().baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(Endpoint.openAi().baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> Endpoint.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> Endpoint.fromEnvironment(Map.of("LLM_BASE_URL", "ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.builder().baseUrl("http://x/v1").readTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> Endpoint.builder().baseUrl("http://x/v1").maxRetries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    }
}
