package dev.switchboard.core;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.core.error.UnsupportedCapabilityException;

/**
 * What a style supports; every capability not declared unsupported is supported.
 *
 * @param unsupported each unsupported capability with the reason, for the contract suite's skip
 *                    message and the workshop's matrix
 */
public record Capabilities(Map<Capability, String> unsupported) {

    /** Copies the map. */
    public Capabilities {
        unsupported = Map.copyOf(unsupported);
    }

    /** Everything supported. */
    public static Capabilities all() {
        return new Capabilities(Map.of());
    }

    /** Returns a copy that declares {@code capability} unsupported, for {@code reason}. */
    public Capabilities without(Capability capability, String reason) {
        Map<Capability, String> copy = new EnumMap<>(Capability.class);
        copy.putAll(unsupported);
        copy.put(Objects.requireNonNull(capability), Objects.requireNonNull(reason));
        return new Capabilities(copy);
    }

    /** Whether {@code capability} is supported. */
    public boolean supports(Capability capability) {
        return !unsupported.containsKey(capability);
    }

    /** Why {@code capability} is unsupported, or null when it is supported. */
    public String reasonUnsupported(Capability capability) {
        return unsupported.get(capability);
    }

    /**
     * The typed error a style throws when it is asked for {@code capability} it declares unsupported:
     * {@code throw capabilities().refusal(Capability.COMPLETIONS);}. Nothing has been sent.
     *
     * @throws IllegalArgumentException if {@code capability} is supported (a style's bug)
     */
    public UnsupportedCapabilityException refusal(Capability capability) {
        String reason = unsupported.get(capability);
        if (reason == null) {
            throw new IllegalArgumentException(capability + " is supported: there is nothing to refuse");
        }
        return new UnsupportedCapabilityException(capability, reason);
    }
}
