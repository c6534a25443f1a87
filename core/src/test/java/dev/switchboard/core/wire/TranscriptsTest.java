package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The transcripts are part of the repository: every one listed is there, and a missing one fails. */
class TranscriptsTest {

    @Test
    void everyTranscriptInTheIndexIsOnTheClasspathWithItsRequest() throws IOException {
        List<String> names;
        try (InputStream in = Transcripts.class.getResourceAsStream(Transcripts.DIRECTORY + "INDEX.txt")) {
            assertThat(in).as(Transcripts.DIRECTORY + "INDEX.txt").isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\\s+", 2)[0])
                    .toList();
        }

        assertThat(names).hasSize(48);
        for (String name : names) {
            assertThat(Transcripts.load(name).status()).as(name).isBetween(200, 599);
            assertThat(Transcripts.class.getResource(Transcripts.DIRECTORY + name.replace(".txt", ".request.txt")))
                    .as(name + " request").isNotNull();
        }
    }

    @Test
    void aMissingTranscriptFailsNamingTheFile() {
        assertThatThrownBy(() -> Transcripts.load("99-not-recorded.txt")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("99-not-recorded.txt");
        assertThatThrownBy(() -> Transcripts.requestBody("99-not-recorded.txt")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("99-not-recorded.request.txt");
    }
}
