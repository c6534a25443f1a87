package dev.switchboard.server.internal.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.server.gguf.DemoModel;
import dev.switchboard.server.gguf.GgufFile;

/**
 * A Jinja chat template that mentions {@code tools} renders the offered tools itself (with
 * {@code jinja(true)}); the same model without Jinja gets the fallback prompt. The demo model's
 * weights with a template of our own, which renders each tool's name in its system turn.
 */
@Timeout(120)
class TemplateToolsTest {

    private static final String TOOLS_TEMPLATE = "{% if tools %}<|im_start|>system\nTOOLS:{% for t in tools %} "
            + "{{ t.function.name }}{% endfor %}<|im_end|>\n{% endif %}{% for message in messages %}<|im_start|>"
            + "{{ message.role }}\n{{ message.content }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}"
            + "<|im_start|>assistant\n{% endif %}";

    @TempDir
    Path dir;

    @Test
    void aJinjaTemplateThatTakesToolsRendersThemAndOtherwiseTheFallbackPromptDoes() throws Exception {
        Path file = dir.resolve("tools-template.gguf");
        DemoModel.writer(DemoModel.DEFAULT_SEED).putString("tokenizer.chat_template", TOOLS_TEMPLATE).write(file);
        assertThat(Files.size(file)).isPositive();
        ChatRequest request = ChatRequest.builder().user("What is the weather in Paris?")
                .addTool(new ToolSpec("get_weather", "Weather for a city",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
                .build();

        String byTemplate = render(file, true, request);
        String byFallback = render(file, false, request);

        assertThat(byTemplate).startsWith("<|im_start|>system\nTOOLS: get_weather<|im_end|>\n")
                .contains("What is the weather in Paris?").doesNotContain("You can call these tools");
        assertThat(byFallback).contains("You can call these tools:\nget_weather(city?: string) — Weather for a city")
                .doesNotContain("TOOLS:");
    }

    private static String render(Path file, boolean jinja, ChatRequest request) throws Exception {
        EngineQueue queue = new EngineQueue("template-tools-test", 1, Duration.ofSeconds(1));
        LoadedModel model = LoadedModel.load(queue, file, GgufFile.read(file), 512, jinja, 1);
        try {
            return queue.call(() -> model.render(request, request.tools()));
        } finally {
            queue.markClosed();
            queue.shutdown(model::close);
        }
    }
}
