package dev.switchboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat completion request: the body of {@code POST /v1/chat/completions} or Ollama's
 * {@code POST /api/chat}, minus the {@code stream} flag (which the call chooses).
 *
 * <p>Immutable; build with {@link #builder()}. Unset options are null and are not sent, so the
 * server's own default applies.
 *
 * @param model          the model name; null means the {@link Endpoint#chatModel()} of the client
 * @param messages       the conversation, oldest first; never empty
 * @param tools          functions the model may call; empty when none
 * @param temperature    sampling temperature, 0 to 2 (0 = greedy); null for the server default
 * @param topP           nucleus sampling mass, 0 to 1; null for the server default
 * @param maxTokens      the most tokens to generate ({@code max_tokens}); reaching it ends with
 *                       {@link FinishReason#LENGTH}; null for the server default
 * @param stop           stop sequences; empty when none
 * @param seed           sampling seed for repeatable output where the server honours it; null for none
 * @param responseFormat {@code response_format}; null means text
 * @param extensions     provider-specific top-level fields passed through as they are, e.g.
 *                       Ollama's {@code keep_alive}, {@code think} or {@code options}
 *                       ({@code {"num_ctx": 8192}}); values must be JSON-serialisable
 *                       (strings, numbers, booleans, lists, maps); empty when none
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        List<ToolSpec> tools,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        ResponseFormat responseFormat,
        Map<String, Object> extensions) {

    /**
     * Copies the collections.
     *
     * @throws IllegalArgumentException if {@code messages} is null or empty, or an option is out
     *                                  of range (temperature outside 0–2, top_p outside 0–1,
     *                                  max_tokens negative)
     */
    public ChatRequest {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("messages is required and must not be empty");
        }
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        stop = stop == null ? List.of() : List.copyOf(stop);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        SamplingChecks.check(temperature, topP, maxTokens);
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this request's values, for a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.messages.addAll(messages);
        b.tools.addAll(tools);
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.stop.addAll(stop);
        b.seed = seed;
        b.responseFormat = responseFormat;
        b.extensions.putAll(extensions);
        return b;
    }

    /** Returns a copy with {@code model} set. */
    public ChatRequest withModel(String model) {
        return toBuilder().model(model).build();
    }

    /**
     * Returns this request if it names a model, else a copy with {@code defaultModel}: how a
     * client fills in its endpoint's {@link Endpoint#chatModel()}.
     */
    public ChatRequest withDefaultModel(String defaultModel) {
        return model != null ? this : withModel(defaultModel);
    }

    /** Builds a {@link ChatRequest}; one setter per field, each returning this builder. */
    public static final class Builder {
        private String model;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<ToolSpec> tools = new ArrayList<>();
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private ResponseFormat responseFormat;
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code model}; null means the client's default chat model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Replaces the messages. */
        public Builder messages(List<? extends ChatMessage> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /** Appends one message. */
        public Builder addMessage(ChatMessage message) {
            this.messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Appends a system message. */
        public Builder system(String content) {
            return addMessage(ChatMessage.system(content));
        }

        /** Appends a user message. */
        public Builder user(String content) {
            return addMessage(ChatMessage.user(content));
        }

        /** Replaces the tools. */
        public Builder tools(List<ToolSpec> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        /** Appends one tool. */
        public Builder addTool(ToolSpec tool) {
            this.tools.add(Objects.requireNonNull(tool, "tool"));
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

        /** Sets {@code response_format}. */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /**
         * Adds a provider-specific top-level field, sent as it is, e.g.
         * {@code extension("keep_alive", "5m")} or {@code extension("options", Map.of("num_ctx", 8192))}.
         */
        public Builder extension(String name, Object value) {
            this.extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Returns the request.
         *
         * @throws IllegalArgumentException if no message was added or an option is out of range
         */
        public ChatRequest build() {
            return new ChatRequest(model, messages, tools, temperature, topP, maxTokens, stop, seed,
                    responseFormat, extensions);
        }
    }
}
