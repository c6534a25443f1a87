package dev.switchboard.core;

/** The range checks {@link ChatRequest} and {@link CompletionRequest} share. */
final class SamplingChecks {

    private SamplingChecks() {
    }

    /**
     * Checks the options that are set.
     *
     * @throws IllegalArgumentException if temperature is outside 0–2, top_p outside 0–1 or
     *                                  max_tokens negative
     */
    static void check(Double temperature, Double topP, Integer maxTokens) {
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        if (topP != null && (topP < 0 || topP > 1)) {
            throw new IllegalArgumentException("top_p must be between 0 and 1, was " + topP);
        }
        if (maxTokens != null && maxTokens < 0) {
            throw new IllegalArgumentException("max_tokens must not be negative, was " + maxTokens);
        }
    }
}
