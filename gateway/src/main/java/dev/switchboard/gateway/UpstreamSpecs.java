package dev.switchboard.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.server.engine.Upstream;

/**
 * Turns {@code --upstream} values into {@link Upstream}s, each with the raw-http client for its kind:
 *
 * <ul>
 *   <li>a URL whose path ends in {@code /v1} is an OpenAI-compatible server (vLLM, llama-server,
 *       LM Studio, OpenAI, another Switchboard): style {@code raw-http}, {@code /v1/chat/completions};</li>
 *   <li>any other URL is an Ollama root ({@code http://localhost:11434}): style
 *       {@code raw-http-ollama}, Ollama's native {@code /api/chat}.</li>
 * </ul>
 *
 * <p>A value is {@code [NAME=]URL}, e.g. {@code gpu1=http://10.0.0.5:11434}; without a name the
 * upstream is named after its host and port.
 */
public final class UpstreamSpecs {

    private UpstreamSpecs() {
    }

    /**
     * Parses {@code spec} and creates its client.
     *
     * @param spec           {@code [NAME=]URL}
     * @param apiKey         the key the upstream needs, or null; sent as {@code Authorization: Bearer}
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout    the longest silence from the upstream, including before its first byte
     * @throws IllegalArgumentException if the URL is not http(s), or holds credentials
     *                                  ({@code user:key@}); the message never repeats a credential
     */
    public static Upstream parse(String spec, String apiKey, Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.trim();
        int eq = trimmed.indexOf('=');
        int scheme = trimmed.indexOf("://");
        String name = null;
        String url = trimmed;
        if (eq > 0 && (scheme < 0 || eq < scheme)) {
            name = trimmed.substring(0, eq).trim();
            url = trimmed.substring(eq + 1).trim();
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            // the value as given may hold a key (ftp://user:key@host): shown redacted
            throw new IllegalArgumentException("an upstream is [NAME=]http(s)://host:port[/v1], was '"
                    + (name == null ? "" : name + "=") + Endpoint.redactUrl(url) + "'");
        }
        boolean openAi = url.endsWith("/v1");
        URI uri = URI.create(url);
        if (uri.getRawUserInfo() != null) {
            // a URL is printed, logged and shown in /health: a key has no place in it
            throw new IllegalArgumentException("an upstream URL must not hold credentials (" + uri.getHost()
                    + "): give the key in LLM_UPSTREAM_API_KEY or --upstream-api-key-file");
        }
        if (name == null) {
            name = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        }
        Endpoint endpoint = Endpoint.builder()
                .baseUrl(openAi ? url : url + "/v1")
                .apiKey(apiKey)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .maxRetries(0) // the engine tries another upstream instead
                .build();
        LlmClient client = LlmClients.create(openAi ? "raw-http" : "raw-http-ollama", endpoint);
        return Upstream.of(name, url, client);
    }
}
