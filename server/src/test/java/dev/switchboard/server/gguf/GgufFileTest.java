package dev.switchboard.server.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {

    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws IOException {
        Path file = dir.resolve("small.gguf");
        new GgufWriter().putString("general.architecture", "llama").putUInt32("llama.embedding_length", 4)
                .putBool("tokenizer.ggml.add_bos_token", false).putFloat32("x.eps", 0.5f)
                .putStrings("tokenizer.ggml.tokens", List.of("a", "é", "😊"))
                .putInts("tokenizer.ggml.token_type", new int[] {1, 1, 1})
                .addTensor("t.weight", new long[] {4, 2}, new float[] {1, 2, 3, 4, 5, 6, 7, 8})
                .addTensor("u.weight", new long[] {3}, new float[] {1, 2, 3})
                .write(file);

        GgufFile gguf = GgufFile.read(file);

        assertThat(gguf.version()).isEqualTo(3);
        assertThat(gguf.architecture()).hasValue("llama");
        assertThat(gguf.embeddingLength()).hasValue(4L);
        assertThat(gguf.addsBos()).isFalse();
        assertThat(gguf.metadata().get("x.eps")).isEqualTo(0.5);
        assertThat(gguf.arrayLength("tokenizer.ggml.tokens")).hasValue(3L);
        assertThat(gguf.tensors()).extracting(GgufFile.TensorInfo::name).containsExactly("t.weight", "u.weight");
        assertThat(gguf.tensors().get(1).offset()).as("aligned to 32 bytes").isEqualTo(32);
        assertThat(gguf.tensors().get(0).dims()).containsExactly(4, 2);
    }

    @Test
    void theDemoModelIsTheSameForASeedAndDiffersBetweenSeeds() throws IOException {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        Path c = dir.resolve("c.gguf");
        DemoModel.write(a, 7);
        DemoModel.write(b, 7);
        DemoModel.write(c, 8);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c))).isFalse();
        GgufFile gguf = GgufFile.read(a);
        assertThat(gguf.architecture()).hasValue("llama");
        assertThat(gguf.embeddingLength()).hasValue((long) DemoModel.EMBEDDING_LENGTH);
        assertThat(gguf.chatTemplate()).hasValueSatisfying(t -> assertThat(t).contains("<|im_start|>"));
        assertThat(gguf.string("general.name")).hasValueSatisfying(n -> assertThat(n).contains(DemoModel.NOTICE));
        assertThat(gguf.addsBos()).isTrue();
    }

    @Test
    void theDemoVocabularyHasEveryByteTypedAsAByte() {
        DemoModel.Vocabulary vocab = DemoModel.vocabulary();
        for (int b = 0; b < 256; b++) {
            String token = String.format("<0x%02X>", b);
            int id = vocab.index.get(token);
            assertThat(vocab.types()[id]).as(token).isEqualTo(6);
        }
    }

    @Test
    void ensureWritesOnceAndReusesTheFile() throws IOException {
        Path first = DemoModel.ensure(dir, 3);
        long written = Files.getLastModifiedTime(first).toMillis();
        Path second = DemoModel.ensure(dir, 3);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(written);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void garbageIsNotGguf() throws IOException {
        Path file = Files.write(dir.resolve("x.gguf"), "GGML and some more bytes to reach 24".getBytes());
        assertThatThrownBy(() -> GgufFile.read(file)).isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("not a GGUF file");
    }

    @Test
    void anUnknownVersionIsNamed() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0x46554747).putInt(9);
        Path file = Files.write(dir.resolve("v9.gguf"), header.array());
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("version 9");
    }

    @Test
    void anAbsurdStringLengthIsCaughtBeforeAllocating() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putInt(0x46554747).putInt(3)
                .putLong(0).putLong(1).putLong(Long.MAX_VALUE / 2);
        Path file = Files.write(dir.resolve("long.gguf"), bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("beyond the file");
    }

    @Test
    void aTensorPastTheEndOfTheFileIsCaught() throws IOException {
        Path whole = dir.resolve("whole.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("t", new long[] {64}, new float[64]).write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> GgufFile.read(cut)).hasMessageContaining("tensor 't'").hasMessageContaining("truncated");
    }

    @Test
    void anUnknownTensorTypeIsNamed() throws IOException {
        Path file = dir.resolve("type.gguf");
        new GgufWriter().addTensor("t", new long[] {4}, new float[4]).write(file);
        byte[] bytes = Files.readAllBytes(file);
        // the tensor's type field: after header (24), name (8 + 1), dim count (4), one dim (8)
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 9 + 4 + 8, 77);
        Files.write(file, bytes);
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("ggml type 77");
    }
}
