package dev.switchboard.server.engine;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import dev.switchboard.core.LlmClient;

/**
 * One real endpoint behind an {@link UpstreamEngine}: a name, where it is (for {@code /health} and
 * error messages only) and the {@link LlmClient} that reaches it. The engine reaches the endpoint
 * only through that client, so any style works: {@code raw-http} for an OpenAI-compatible
 * {@code /v1} (vLLM, llama-server, LM Studio, OpenAI), {@code raw-http-ollama} for Ollama's native
 * {@code /api}.
 *
 * @param name   a short name, unique within one engine, e.g. {@code gpu1}
 * @param url    where the upstream is; user info ({@code user:password@}) and the query are dropped
 *               so no credential reaches a log or a response
 * @param client the client for it; the engine closes it in {@link UpstreamEngine#close()}
 * @param models the models it serves, or empty to take them from its model list at every health
 *               check (the usual case: Ollama, vLLM and llama-server list what they serve)
 */
public record Upstream(String name, String url, LlmClient client, List<String> models) {

    /**
     * Drops credentials from {@code url} and copies {@code models}.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(client, "client");
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("an upstream needs a name");
        }
        url = withoutCredentials(url);
    }

    /** An upstream whose models come from its own model list. */
    public static Upstream of(String name, String url, LlmClient client) {
        return new Upstream(name, url, client, List.of());
    }

    /** The same upstream serving exactly {@code models} (for an upstream whose model list is not useful). */
    public Upstream serving(String... models) {
        return new Upstream(name, url, client, List.of(models));
    }

    /** Shows the name and the URL; the client is left out (its endpoint redacts its own key anyway). */
    @Override
    public String toString() {
        return "Upstream[" + name + ", " + url + (models.isEmpty() ? "" : ", models=" + models) + "]";
    }

    private static String withoutCredentials(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.contains("@") ? url.substring(url.lastIndexOf('@') + 1) : url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return url.contains("@") ? url.substring(url.lastIndexOf('@') + 1) : url;
        }
    }
}
