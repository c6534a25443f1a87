package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void aDefaultModelFillsOnlyAMissingOne() {
        ChatRequest without = ChatRequest.builder().user("hi").build();
        ChatRequest with = without.withModel("mine");

        assertThat(without.withDefaultModel("endpoint's").model()).isEqualTo("endpoint's");
        assertThat(with.withDefaultModel("endpoint's")).isSameAs(with);
        assertThat(EmbeddingRequest.of("a").withDefaultModel("embed").model()).isEqualTo("embed");
        assertThat(new EmbeddingRequest("mine", List.of("a")).withDefaultModel("embed").model()).isEqualTo("mine");
    }

    @Test
    void buildsWithOptionsAndCopiesCollections() {
        List<String> stop = new ArrayList<>(List.of("END"));
        ChatRequest r = ChatRequest.builder().model("m").system("s").user("u").temperature(0.0).topP(1.0)
                .maxTokens(0).stop(stop).seed(1L).extension("keep_alive", "5m").build();
        stop.add("later");

        assertThat(r.messages()).containsExactly(ChatMessage.system("s"), ChatMessage.user("u"));
        assertThat(r.stop()).containsExactly("END");
        assertThat(r.extensions()).isEqualTo(Map.of("keep_alive", "5m"));
        assertThat(r.withModel("other").model()).isEqualTo("other");
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }

    @Test
    void noMessagesIsRejected() {
        assertThatThrownBy(() -> ChatRequest.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages");
    }

    @Test
    void optionsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> ChatRequest.builder().user("u").temperature(2.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> ChatRequest.builder().user("u").temperature(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> ChatRequest.builder().user("u").topP(1.01).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top_p");
        assertThatThrownBy(() -> ChatRequest.builder().user("u").maxTokens(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_tokens");
    }

    @Test
    void nullPartsAreRejectedWhereTheyCannotBeSent() {
        assertThatThrownBy(() -> ChatMessage.user(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChatMessage.tool(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChatRequest.builder().extension("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ToolSpec(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ToolSpec("t", null, null).parametersJson()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(new ToolCall("id", "n", " ").arguments()).isEqualTo("{}");
    }
}
