package dev.switchboard.testkit.ollama;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.ollama.OllamaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

import dev.switchboard.core.Endpoint;

/**
 * A real Ollama in a Docker container, with the models a test needs already pulled: the
 * Testcontainers {@link OllamaContainer} on a pinned image, plus the model handling it lacks.
 *
 * <pre>{@code
 * try (OllamaTestcontainer ollama = OllamaTestcontainer.start(
 *         OllamaTestcontainer.DEFAULT_CHAT_MODEL, OllamaTestcontainer.DEFAULT_EMBEDDING_MODEL, System.out::println)) {
 *     Endpoint endpoint = ollama.endpoint();   // http://localhost:<mapped port>/v1, qwen3:0.6b, all-minilm
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Image</b>: {@value #IMAGE}, pinned. The container is started from a <em>cache image</em>
 *       ({@link #cacheImageName}) when one exists locally, else from the pinned image.</li>
 *   <li><b>Models</b>: missing models are pulled through {@code /api/pull} with progress lines
 *       ({@link OllamaModels}); after a pull the container is committed to the cache image
 *       ({@link OllamaContainer#commitToImage}), so the next run starts in seconds with the models inside.
 *       This works because the {@code ollama/ollama} image declares no volume for its model store
 *       (ollama-wire.md, "Testcontainers").</li>
 *   <li><b>Reuse</b>: the container is created with {@code withReuse(true)}; Testcontainers honours it
 *       only when {@code testcontainers.reuse.enable=true} is in {@code ~/.testcontainers.properties}.
 *       Then {@link #close()} leaves it running for the next run; otherwise it stops it.</li>
 *   <li><b>No Docker</b>: {@link #dockerAvailable()} says so without throwing; {@link #start} throws
 *       {@link IllegalStateException} with the reason. Tests use
 *       {@code @Testcontainers(disabledWithoutDocker = true)} or {@link #dockerAvailable()} in an
 *       assumption, so they are reported skipped, not failed.</li>
 * </ul>
 */
public final class OllamaTestcontainer implements AutoCloseable {

    /** The pinned image: a recent Ollama release (also used by Apache Camel's Ollama test infrastructure). */
    public static final String IMAGE = "ollama/ollama:0.24.0";

    /** The default chat model: small (~523 MB), with tool calling and thinking. */
    public static final String DEFAULT_CHAT_MODEL = Endpoint.DEFAULT_OLLAMA_CHAT_MODEL;

    /** The default embedding model: all-MiniLM-L6-v2, 384 dimensions (~46 MB). */
    public static final String DEFAULT_EMBEDDING_MODEL = Endpoint.DEFAULT_OLLAMA_EMBEDDING_MODEL;

    private final OllamaContainer container;
    private final String chatModel;
    private final String embeddingModel;
    private final boolean reused;

    private OllamaTestcontainer(OllamaContainer container, String chatModel, String embeddingModel, boolean reused) {
        this.container = container;
        this.chatModel = chatModel;
        this.embeddingModel = embeddingModel;
        this.reused = reused;
    }

    /**
     * Whether a Docker engine answers. Never throws; Testcontainers logs why not.
     */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * The name of the local image that holds the pinned Ollama with {@code models} already pulled,
     * e.g. {@code switchboard-ollama:0.24.0-qwen3-0.6b-all-minilm}.
     */
    public static String cacheImageName(List<String> models) {
        StringBuilder tag = new StringBuilder(IMAGE.substring(IMAGE.indexOf(':') + 1));
        for (String model : models) {
            tag.append('-').append(model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-"));
        }
        return "switchboard-ollama:" + tag;
    }

    /**
     * Starts (or reuses) the container and makes sure both models are present, pulling them with
     * progress on {@code log} when they are not.
     *
     * @param chatModel      an Ollama model name, e.g. {@link #DEFAULT_CHAT_MODEL}
     * @param embeddingModel an Ollama embedding model name, e.g. {@link #DEFAULT_EMBEDDING_MODEL}
     * @param log            receives what is happening, one line at a time
     * @throws IllegalStateException if no Docker engine runs
     * @throws IOException           if a model cannot be pulled ({@link OllamaPullException} names it)
     */
    public static OllamaTestcontainer start(String chatModel, String embeddingModel, Consumer<String> log)
            throws IOException {
        Objects.requireNonNull(chatModel, "chatModel");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(log, "log");
        if (!dockerAvailable()) {
            throw new IllegalStateException("no Docker engine is available, so no Ollama container can start");
        }
        List<String> models = List.of(chatModel, embeddingModel);
        String cacheImage = cacheImageName(models);
        boolean cached = imageExists(cacheImage);
        DockerImageName image = cached
                ? DockerImageName.parse(cacheImage).asCompatibleSubstituteFor("ollama/ollama")
                : DockerImageName.parse(IMAGE);
        log.accept("starting Ollama container from " + image.asCanonicalNameString()
                + (cached ? " (cached, models inside)" : " (models will be pulled once, then cached as " + cacheImage + ")"));
        OllamaContainer container = new OllamaContainer(image).withReuse(true);
        container.start();
        boolean reused = TestcontainersConfiguration.getInstance().environmentSupportsReuse();
        try {
            List<String> pulled = new OllamaModels(container.getEndpoint(), log).ensure(models);
            if (!pulled.isEmpty()) {
                log.accept("committing the container to " + cacheImage + " so the next run skips the pull");
                container.commitToImage(cacheImage);
            }
        } catch (IOException | RuntimeException e) {
            container.stop();
            throw e;
        }
        return new OllamaTestcontainer(container, chatModel, embeddingModel, reused);
    }

    /**
     * The OpenAI-compatible endpoint of the container: base URL {@code http://<host>:<port>/v1}, the two
     * models, no key, read timeout 5 minutes (the first request loads the model on CPU).
     */
    public Endpoint endpoint() {
        return Endpoint.builder()
                .baseUrl(container.getEndpoint() + "/v1")
                .chatModel(chatModel)
                .embeddingModel(embeddingModel)
                .readTimeout(Duration.ofMinutes(5))
                .build();
    }

    /** The server root, {@code http://<host>:<port>}, for Ollama's native {@code /api/*}. */
    public String rootUrl() {
        return container.getEndpoint();
    }

    /** Stops the container, unless Testcontainers reuse is enabled, in which case it keeps running. */
    @Override
    public void close() {
        if (!reused) {
            container.stop();
        }
    }

    private static boolean imageExists(String name) {
        return !DockerClientFactory.instance().client().listImagesCmd()
                .withReferenceFilter(name).exec().isEmpty();
    }
}
