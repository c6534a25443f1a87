package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.error.UnsupportedCapabilityException;

class CapabilitiesTest {

    @Test
    void theRefusalOfAnUnsupportedCapabilityCarriesTheDeclaredReason() {
        Capabilities capabilities = Capabilities.all().without(Capability.COMPLETIONS, "no text completions in this library");

        UnsupportedCapabilityException refusal = capabilities.refusal(Capability.COMPLETIONS);

        assertThat(refusal.capability()).isEqualTo(Capability.COMPLETIONS);
        assertThat(refusal.getMessage()).contains("no text completions in this library");
        assertThat(refusal.status()).isZero();
    }

    @Test
    void aSupportedCapabilityHasNothingToRefuse() {
        assertThatThrownBy(() -> Capabilities.all().refusal(Capability.MODELS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODELS");
    }
}
