package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ToolSpec;

class ToolPromptTest {

    private static final ToolSpec WEATHER = new ToolSpec("get_weather", "Get the current weather for a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\","
                    + "\"enum\":[\"celsius\",\"fahrenheit\"]},\"days\":{\"type\":[\"integer\",\"null\"]},"
                    + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"city\"]}");

    @Test
    void aToolIsOneLineWithItsArgumentsTypesAndDescription() {
        assertThat(ToolPrompt.signature(WEATHER)).isEqualTo(
                "get_weather(city: string, unit?: \"celsius\"|\"fahrenheit\", days?: integer|null, tags?: string[])"
                        + " — Get the current weather for a city");
    }

    @Test
    void theFallbackGoesIntoTheLeadingSystemTurnOrBeforeTheConversation() {
        List<ChatPrompt.Turn> withSystem = ToolPrompt.withFallback(
                List.of(new ChatPrompt.Turn("system", "Be brief."), new ChatPrompt.Turn("user", "Hi")), List.of(WEATHER));
        List<ChatPrompt.Turn> without = ToolPrompt.withFallback(List.of(new ChatPrompt.Turn("user", "Hi")), List.of(WEATHER));

        assertThat(withSystem).hasSize(2);
        assertThat(withSystem.get(0).content()).startsWith("Be brief.\n\nYou can call these tools:\nget_weather(");
        assertThat(without).hasSize(2);
        assertThat(without.get(0).role()).isEqualTo("system");
        assertThat(without.get(0).content()).contains("reply with only a JSON object");
    }

    @Test
    void onlyAJinjaTemplateThatMentionsToolsRendersThem() {
        assertThat(ToolPrompt.templateTakesTools("{% if tools %}…{% endif %}", true)).isTrue();
        assertThat(ToolPrompt.templateTakesTools("{% if tools %}…{% endif %}", false)).isFalse();
        assertThat(ToolPrompt.templateTakesTools("{% for message in messages %}", true)).isFalse();
    }
}
