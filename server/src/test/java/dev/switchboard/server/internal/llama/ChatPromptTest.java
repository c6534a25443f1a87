package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ToolCall;

class ChatPromptTest {

    @Test
    void toolTurnsBecomeUserTurnsAndSameRoleTurnsMerge() {
        List<ChatPrompt.Turn> turns = ChatPrompt.normalise(List.of(
                ChatMessage.system("Be brief."), ChatMessage.user("Weather?"),
                new ChatMessage.AssistantMessage(null, null, List.of(new ToolCall("c1", "get_weather", "{\"city\":\"Paris\"}"))),
                ChatMessage.tool("c1", "{\"temp\":21}"), ChatMessage.user("Thanks"), ChatMessage.system("late")));

        assertThat(turns).containsExactly(
                new ChatPrompt.Turn("system", "Be brief."),
                new ChatPrompt.Turn("user", "Weather?"),
                new ChatPrompt.Turn("assistant", "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}"),
                new ChatPrompt.Turn("user", "Tool result (c1): {\"temp\":21}\n\nThanks\n\nlate"));
    }

    @Test
    void contentsGoInAfterTheTemplateRanOnPlaceholders() {
        List<ChatPrompt.Turn> turns = List.of(new ChatPrompt.Turn("user", "He said \"hi\" 😊 {{ x }}"));
        String request = ChatPrompt.templateRequest(turns);
        assertThat(request).doesNotContain("He said");

        String placeholder = request.substring(request.indexOf("\"content\":\"") + 11, request.lastIndexOf("\"}"));
        String filled = ChatPrompt.fill("<user>" + placeholder + "</user>", turns);

        assertThat(filled).isEqualTo("<user>He said \"hi\" 😊 {{ x }}</user>");
    }

    @Test
    void aTemplateThatDropsAMessageIsRefused() {
        List<ChatPrompt.Turn> turns = List.of(new ChatPrompt.Turn("system", "s"), new ChatPrompt.Turn("user", "u"));
        assertThatThrownBy(() -> ChatPrompt.fill("nothing here", turns)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly once");
    }
}
