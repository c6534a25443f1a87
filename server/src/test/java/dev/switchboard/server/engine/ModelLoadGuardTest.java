package dev.switchboard.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.server.gguf.DemoModel;

/**
 * Files llama.cpp cannot serve end in a {@link ModelLoadException} naming the reason, and this JVM
 * lives on: malformed GGUF is caught by our reader; what only llama.cpp can judge is tried in a
 * child JVM first, including a file that makes llama.cpp abort the process.
 */
@Timeout(120)
class ModelLoadGuardTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> LlamaCppEngine.builder(dir.resolve("nope.gguf")).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model could not be loaded").hasMessageContaining("no such file");
    }

    @Test
    void aFileThatIsNotGgufIsRefusedByOurReader() throws IOException {
        Path file = Files.writeString(dir.resolve("text.gguf"), "this is not a model, just some text");

        assertThatThrownBy(() -> LlamaCppEngine.builder(file).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a GGUF file");
    }

    @Test
    void aTruncatedGgufIsRefusedByOurReader() throws IOException {
        Path whole = DemoModel.ensure(dir, 1);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> LlamaCppEngine.builder(cut).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void anUnknownArchitectureIsReportedWithLlamaCppsReason() throws IOException {
        Path file = dir.resolve("arch.gguf");
        DemoModel.writer(1).putString("general.architecture", "nosucharch")
                .putUInt32("nosucharch.embedding_length", DemoModel.EMBEDDING_LENGTH).write(file);

        assertThatThrownBy(() -> LlamaCppEngine.builder(file).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("unknown model architecture: 'nosucharch'")
                .matches(e -> !((ModelLoadException) e).nativeLibraryUnavailable());
    }

    @Test
    void aChatTemplateLlamaCppDoesNotSupportIsAnErrorNotASilentChatMl() throws IOException {
        Path file = dir.resolve("template.gguf");
        DemoModel.writer(1).putString("tokenizer.chat_template", "{% for m in messages %}[[{{ m.content }}]]{% endfor %}")
                .write(file);

        assertThatThrownBy(() -> LlamaCppEngine.builder(file).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("does not support its chat template");
    }

    @Test
    void aFileThatAbortsLlamaCppKillsOnlyTheProbeAndThisJvmServesOn() throws IOException {
        // A quantized norm weight passes the loader and our reader, then hits a GGML_ASSERT at warm-up.
        Path file = dir.resolve("abort.gguf");
        DemoModel.writer(1).addTensor("output_norm.weight", new long[] {DemoModel.EMBEDDING_LENGTH}, 2, new byte[36])
                .write(file);

        assertThatThrownBy(() -> LlamaCppEngine.builder(file).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("GGML_ASSERT")
                .hasMessageContaining("SIGABRT");

        // still alive, and the native library still serves a good model in this JVM
        try (LlamaCppEngine engine = LlamaCppEngine.demo(dir, 1).probe(false).build()) {
            List<ChatEvent> events = Engines.collect(engine, ChatRequest.builder().user("hello").maxTokens(3).build());
            assertThat(events).contains(new ChatEvent.Finish(dev.switchboard.core.FinishReason.LENGTH));
        }
    }
}
