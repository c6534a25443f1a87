package dev.switchboard.core.error;

import dev.switchboard.core.Capability;

/**
 * The style was asked for something it declares unsupported in its
 * {@link dev.switchboard.core.LlmClient#capabilities()} (for example a text completion on a style
 * whose library has no such call). Nothing was sent; status 0. Not retriable: pick a style that
 * supports {@link #capability()}, or check {@code capabilities().supports(...)} first.
 */
public class UnsupportedCapabilityException extends LlmException {

    private final Capability capability;

    /**
     * @param capability what is unsupported
     * @param reason     why, as the style declares it
     */
    public UnsupportedCapabilityException(Capability capability, String reason) {
        super(capability + " is not supported by this style: " + reason, 0, null, null, null);
        this.capability = capability;
    }

    /** The unsupported capability. */
    public Capability capability() {
        return capability;
    }
}
