package dev.switchboard.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aCompletionIdIsChatcmplAnd32LettersOrDigits() {
        assertThat(Ids.chatCompletionId()).matches("chatcmpl-[A-Za-z0-9]{32}");
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.alphanumeric(32))).isTrue();
        }
    }

    @Test
    void aLengthIsHonouredAndANegativeOneRefused() {
        assertThat(Ids.alphanumeric(0)).isEmpty();
        assertThat(Ids.alphanumeric(24)).matches("[A-Za-z0-9]{24}");
        assertThatThrownBy(() -> Ids.alphanumeric(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length must not be negative: -1");
    }
}
