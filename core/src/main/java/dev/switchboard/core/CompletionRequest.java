package dev.switchboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A text completion request: the body of {@code POST /v1/completions} (prompt in, text out), minus
 * the {@code stream} flag (which the call chooses). The prompt is sent as it is; what the server
 * does with it is its own: llama-server continues it without a chat template, Ollama hands it to
 * its {@code /api/generate} handler ({@code core/src/test/resources/reference/ollama-wire.md}
 * sections 4 and 8), and Switchboard's server passes it to its engine as a raw prompt.
 *
 * <p>Immutable; build with {@link #builder()}. Unset options are null and are not sent, so the
 * server's own default applies (Ollama: temperature 1.0, top_p 1.0).
 *
 * @param model       the model name; null means the {@link Endpoint#chatModel()} of the client
 * @param prompt      the text to continue; a string only (Ollama accepts no array or token
 *                    prompts); may be empty, never null
 * @param temperature sampling temperature, 0 to 2 (0 = greedy); null for the server default
 * @param topP        nucleus sampling mass, 0 to 1; null for the server default
 * @param maxTokens   the most tokens to generate ({@code max_tokens}); reaching it ends with
 *                    {@link FinishReason#LENGTH}; null for the server default (OpenAI's is 16)
 * @param stop        stop sequences; empty when none
 * @param seed        sampling seed where the server honours it; null for none
 * @param extensions  provider-specific top-level fields passed through as they are (e.g.
 *                    {@code suffix}); values must be JSON-serialisable; empty when none
 */
public record CompletionRequest(
        String model,
        String prompt,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        Map<String, Object> extensions) {

    /**
     * Copies the collections.
     *
     * @throws NullPointerException     if {@code prompt} is null
     * @throws IllegalArgumentException if an option is out of range (temperature outside 0–2,
     *                                  top_p outside 0–1, max_tokens negative)
     */
    public CompletionRequest {
        Objects.requireNonNull(prompt, "prompt is required");
        stop = stop == null ? List.of() : List.copyOf(stop);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        SamplingChecks.check(temperature, topP, maxTokens);
    }

    /** A request for {@code prompt} with every option unset. */
    public static CompletionRequest of(String prompt) {
        return builder().prompt(prompt).build();
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this request's values, for a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.prompt = prompt;
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.stop.addAll(stop);
        b.seed = seed;
        b.extensions.putAll(extensions);
        return b;
    }

    /**
     * Returns this request if it names a model, else a copy with {@code defaultModel}: how a client
     * fills in its endpoint's {@link Endpoint#chatModel()}.
     */
    public CompletionRequest withDefaultModel(String defaultModel) {
        return model != null ? this : toBuilder().model(defaultModel).build();
    }

    /** Builds a {@link CompletionRequest}; one setter per field, each returning this builder. */
    public static final class Builder {
        private String model;
        private String prompt;
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code model}; null means the client's default chat model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets {@code prompt}; required. */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** Sets {@code temperature}, 0 to 2; checked by {@link #build()}. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets {@code top_p}, 0 to 1; checked by {@link #build()}. */
        public Builder topP(Double topP) {
            this.topP = topP;
            return this;
        }

        /** Sets {@code max_tokens}, 0 or more; checked by {@link #build()}. */
        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Replaces the stop sequences. */
        public Builder stop(List<String> stop) {
            this.stop.clear();
            this.stop.addAll(stop);
            return this;
        }

        /** Sets {@code seed}. */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds a provider-specific top-level field, sent as it is, e.g. {@code extension("suffix", "}")}. */
        public Builder extension(String name, Object value) {
            this.extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Returns the request.
         *
         * @throws NullPointerException     if no prompt was set
         * @throws IllegalArgumentException if an option is out of range
         */
        public CompletionRequest build() {
            return new CompletionRequest(model, prompt, temperature, topP, maxTokens, stop, seed, extensions);
        }
    }
}
