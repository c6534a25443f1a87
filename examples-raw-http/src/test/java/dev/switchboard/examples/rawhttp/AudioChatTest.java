package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.AudioOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class AudioChatTest {

    @Test
    void theReceivedAudioIsWrittenAsAWavOf24KhzMonoWithEverySample(@TempDir Path dir)
            throws IOException, UnsupportedAudioFileException {
        Path wav = dir.resolve("reply.wav");
        try (SwitchboardServer server = SwitchboardServer.builder().engine(new ScriptedEngine())
                .audio(AudioOptions.defaults().withChunkDelay(java.time.Duration.ofMillis(1))).start()) {

            String transcript = AudioChat.run(server.openAiBaseUrl(), "test-key", "scripted", "Say hello!", wav);

            assertThat(transcript).startsWith("[simulated]");
        }
        AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = audio.getFormat();
            assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(24_000f);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(audio.getFrameLength()).as("samples: three 250 ms tones and two 100 ms gaps").isEqualTo(22_800);
            byte[] pcm = audio.readAllBytes();
            assertThat(pcm).hasSize(22_800 * 2);
            int loudest = 0;
            for (int i = 0; i < pcm.length; i += 2) {
                loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
            }
            assertThat(loudest).as("the tones' peak, 0.3 of full scale").isBetween(9_000, 10_000);
        }
    }
}
