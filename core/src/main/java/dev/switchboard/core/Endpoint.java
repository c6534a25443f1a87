package dev.switchboard.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one OpenAI-compatible server. Immutable; build with {@link #builder()},
 * start from a preset ({@link #ollama()}, {@link #llamaCpp()}, {@link #vllm()}, {@link #lmStudio()},
 * {@link #openAi()}) or read the environment with {@link #fromEnvironment()}.
 *
 * <p>{@link #toString()} redacts the API key; nothing in this project logs it.
 *
 * @param baseUrl        the OpenAI-compatible base URL including {@code /v1}, without a trailing
 *                       slash, e.g. {@code http://localhost:11434/v1}
 * @param apiKey         the bearer token, or null when the server needs none
 * @param chatModel      the model used when a {@link ChatRequest} names none; may be null
 * @param embeddingModel the model used when an {@link EmbeddingRequest} names none; may be null
 * @param connectTimeout how long to wait for a TCP connection; positive
 * @param readTimeout    the idle timeout: the longest wait for the next byte, including the first
 *                       byte of a response. There is deliberately no whole-call timeout, since a
 *                       long stream is healthy as long as bytes keep coming. Positive
 * @param maxRetries     how many times a failed request is retried (2 retries = 3 attempts); only
 *                       failures before any response byte are retried, because a retried generation
 *                       is a whole new generation. 0 or more
 */
public record Endpoint(
        String baseUrl,
        String apiKey,
        String chatModel,
        String embeddingModel,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries) {

    /** The key sent when none is configured: several clients refuse to run without one. */
    public static final String PLACEHOLDER_API_KEY = "no-key-required";
    /** Default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default idle (read) timeout: 120 seconds, enough for a local model loading into memory. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    /** Default chat model for a local Ollama. */
    public static final String DEFAULT_OLLAMA_CHAT_MODEL = "qwen3:0.6b";
    /** Default embedding model for a local Ollama. */
    public static final String DEFAULT_OLLAMA_EMBEDDING_MODEL = "all-minilm";

    /**
     * Normalises {@code baseUrl} (trailing slashes removed).
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not http(s), a timeout is not positive,
     *                                  or {@code maxRetries} is negative
     */
    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must start with http:// or https://, was " + redactUrl(baseUrl));
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
    }

    /** Returns a builder with the defaults: no key, 10 s connect, 120 s idle timeout, 0 retries. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this endpoint's values. */
    public Builder toBuilder() {
        return new Builder().baseUrl(baseUrl).apiKey(apiKey).chatModel(chatModel).embeddingModel(embeddingModel)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).maxRetries(maxRetries);
    }

    /** A local Ollama: {@code http://localhost:11434/v1}, {@code qwen3:0.6b}, {@code all-minilm}. */
    public static Endpoint ollama() {
        return builder().baseUrl("http://localhost:11434/v1").chatModel(DEFAULT_OLLAMA_CHAT_MODEL)
                .embeddingModel(DEFAULT_OLLAMA_EMBEDDING_MODEL).build();
    }

    /** A local llama.cpp {@code llama-server}: {@code http://localhost:8080/v1}; it serves whatever model it loaded. */
    public static Endpoint llamaCpp() {
        return builder().baseUrl("http://localhost:8080/v1").build();
    }

    /** A local vLLM server: {@code http://localhost:8000/v1}. */
    public static Endpoint vllm() {
        return builder().baseUrl("http://localhost:8000/v1").build();
    }

    /** A local LM Studio server: {@code http://localhost:1234/v1}. */
    public static Endpoint lmStudio() {
        return builder().baseUrl("http://localhost:1234/v1").build();
    }

    /** OpenAI itself: {@code https://api.openai.com/v1}; set a key with {@link Builder#apiKey}. */
    public static Endpoint openAi() {
        return builder().baseUrl("https://api.openai.com/v1").chatModel("gpt-4o-mini")
                .embeddingModel("text-embedding-3-small").build();
    }

    /** Same as {@link #fromEnvironment(Map)} over {@link System#getenv()}. */
    public static Endpoint fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@code LLM_BASE_URL} (else {@code OPENAI_BASE_URL}, else the {@link #ollama()} preset),
     * {@code LLM_API_KEY} (else {@code OPENAI_API_KEY}), {@code LLM_MODEL} and
     * {@code LLM_EMBEDDING_MODEL} (else the preset's, when the base URL is the preset's).
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @throws IllegalArgumentException if a base URL is set but is not http(s)
     */
    public static Endpoint fromEnvironment(Map<String, String> env) {
        String baseUrl = firstSet(env, "LLM_BASE_URL", "OPENAI_BASE_URL");
        Builder builder = baseUrl == null ? ollama().toBuilder() : builder().baseUrl(baseUrl);
        String key = firstSet(env, "LLM_API_KEY", "OPENAI_API_KEY");
        if (key != null) {
            builder.apiKey(key);
        }
        String model = firstSet(env, "LLM_MODEL");
        if (model != null) {
            builder.chatModel(model);
        }
        String embeddingModel = firstSet(env, "LLM_EMBEDDING_MODEL");
        if (embeddingModel != null) {
            builder.embeddingModel(embeddingModel);
        }
        return builder.build();
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /**
     * {@code url} fit to print: a password in its user-info ({@code https://user:KEY@host}) and the
     * value of every query parameter whose name suggests a secret ({@code key}, {@code api_key},
     * {@code api-key}, {@code apikey}, {@code token}, {@code access_token}, {@code secret},
     * {@code password}, {@code sig}, {@code signature}, case-insensitive, and any name ending in
     * {@code key} or {@code token}) become {@code ***}. Everything else is kept as written; null
     * stays null. Used by {@link #toString()} and every exception message here.
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = url;
        int scheme = out.indexOf("://");
        int authorityStart = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < out.length() && "/?#".indexOf(out.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = out.lastIndexOf('@', authorityEnd - 1);
        if (at >= authorityStart) {
            int colon = out.indexOf(':', authorityStart);
            String user = colon >= 0 && colon < at ? out.substring(authorityStart, colon) + ":***" : "***";
            out = out.substring(0, authorityStart) + user + out.substring(at);
        }
        int query = out.indexOf('?');
        if (query < 0) {
            return out;
        }
        int fragment = out.indexOf('#', query);
        String params = fragment < 0 ? out.substring(query + 1) : out.substring(query + 1, fragment);
        StringBuilder redacted = new StringBuilder();
        for (String param : params.split("&", -1)) {
            if (redacted.length() > 0) {
                redacted.append('&');
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            redacted.append(eq >= 0 && isSecretName(name) ? name + "=***" : param);
        }
        return out.substring(0, query + 1) + redacted + (fragment < 0 ? "" : out.substring(fragment));
    }

    private static boolean isSecretName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith("key") || n.endsWith("token") || n.equals("api-key") || n.equals("secret")
                || n.equals("password") || n.equals("sig") || n.equals("signature");
    }

    /** The key to send: {@link #apiKey()}, or {@link #PLACEHOLDER_API_KEY} when none is set. */
    public String apiKeyOrPlaceholder() {
        return apiKey == null ? PLACEHOLDER_API_KEY : apiKey;
    }

    /**
     * The server root: {@link #baseUrl()} without a trailing {@code /v1}, where Ollama serves its
     * native {@code /api/*}; e.g. {@code http://localhost:11434}.
     */
    public String rootUrl() {
        return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    }

    /** Shows every field except the key, which appears as {@code ***} when set. */
    @Override
    public String toString() {
        return "Endpoint[baseUrl=" + redactUrl(baseUrl) + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", chatModel=" + chatModel + ", embeddingModel=" + embeddingModel
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxRetries=" + maxRetries + "]";
    }

    /** Builds an {@link Endpoint}; one setter per field. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private String chatModel;
        private String embeddingModel;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxRetries;

        private Builder() {
        }

        /** Sets the base URL including {@code /v1}; required. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Sets the API key; null or blank means none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Sets the default chat model. */
        public Builder chatModel(String chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /** Sets the default embedding model. */
        public Builder embeddingModel(String embeddingModel) {
            this.embeddingModel = embeddingModel;
            return this;
        }

        /** Sets the connect timeout; must be positive. Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets the idle (read) timeout; must be positive. Default 120 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Sets the retry count (2 retries = 3 attempts); 0 or more. Default 0. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Returns the endpoint.
         *
         * @throws IllegalArgumentException if {@code baseUrl} is missing or invalid, or a value is out of range
         */
        public Endpoint build() {
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl is required");
            }
            return new Endpoint(baseUrl, apiKey, chatModel, embeddingModel, connectTimeout, readTimeout, maxRetries);
        }
    }
}
