package dev.switchboard.server.internal.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.server.engine.EngineException;
import dev.switchboard.server.engine.Upstream;
import dev.switchboard.server.engine.UpstreamState;

/**
 * The gateway's upstreams and the bookkeeping over them that {@code UpstreamEngine} routes by:
 * which models they serve, which are healthy and why not, and which one a request goes to next
 * (the healthy one serving its model with the fewest requests in flight, ties taken in turn). A
 * health check ({@link #check}) and a request that finds an upstream down ({@link
 * UpstreamCall.Router#failed}) move an upstream in or out of rotation.
 *
 * <p>Every message it produces (a refusal for a caller, a reason for {@code /health}) has the
 * configured secrets replaced by {@code ***}. Thread-safe: the nodes' state is, and the turn
 * counter is atomic. It starts no threads; the engine runs the checks and relays.
 */
public final class UpstreamPool {

    private final List<UpstreamNode> nodes;
    private final List<String> secrets;
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * @param upstreams the configured upstreams, in configuration order; at least one
     * @param secrets   strings never to show in a message, each replaced by {@code ***}
     */
    public UpstreamPool(List<Upstream> upstreams, List<String> secrets) {
        this.nodes = upstreams.stream().map(UpstreamNode::new).toList();
        this.secrets = List.copyOf(secrets);
    }

    /** The upstreams' live states, in configuration order; unmodifiable. */
    public List<UpstreamNode> nodes() {
        return nodes;
    }

    /**
     * The models of the healthy upstreams, each once, in upstream order; when none is healthy, the
     * models every upstream last listed. No I/O.
     */
    public List<ModelInfo> models() {
        List<UpstreamNode> from = nodes.stream().filter(UpstreamNode::healthy).toList();
        if (from.isEmpty()) {
            from = nodes;
        }
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        for (UpstreamNode node : from) {
            for (ModelInfo info : node.models()) {
                models.putIfAbsent(info.id(), info);
            }
        }
        return List.copyOf(models.values());
    }

    /**
     * The model a request goes to: {@code model}, or when null the first of {@link #models()}.
     *
     * @throws EngineException 503 if {@code model} is null and no upstream has listed a model yet;
     *                         as {@link #routable} otherwise
     */
    public String resolve(String model) {
        if (model == null) {
            List<ModelInfo> models = models();
            if (models.isEmpty()) {
                throw new EngineException(503, "no upstream has listed a model yet; name one in the request ("
                        + reasons() + ")");
            }
            model = models.get(0).id();
        }
        routable(model);
        return model;
    }

    /**
     * Checks that a request for {@code model} can be routed now.
     *
     * @throws EngineException 404 when no upstream serves {@code model}, 503 (with {@code
     *                         Retry-After: 1}) when none that does is healthy
     */
    public void routable(String model) {
        List<UpstreamNode> serving = nodes.stream().filter(n -> n.mayServe(model)).toList();
        if (serving.isEmpty()) {
            throw EngineException.modelNotFound(model);
        }
        if (serving.stream().noneMatch(UpstreamNode::healthy)) {
            throw noHealthy(model, serving);
        }
    }

    /**
     * The router for one request for {@code model} (null: any upstream): offers next the healthy
     * upstream serving it, not yet tried, with the fewest in flight (ties in turn), and maps their
     * failures with {@link UpstreamErrors#toEngine}, secrets redacted.
     */
    public UpstreamCall.Router router(String model) {
        return new UpstreamCall.Router() {
            @Override
            public UpstreamNode next(List<UpstreamNode> tried) {
                return pick(model, tried);
            }

            @Override
            public EngineException none() {
                List<UpstreamNode> serving = nodes.stream().filter(n -> model == null || n.mayServe(model)).toList();
                return noHealthy(model, serving);
            }

            @Override
            public void failed(UpstreamNode node, LlmException error) {
                node.down(UpstreamPool.this.toEngine(node, model, error).getMessage());
            }

            @Override
            public EngineException toEngine(UpstreamNode node, LlmException error) {
                return UpstreamPool.this.toEngine(node, model, error);
            }
        };
    }

    /**
     * Embeds through an upstream serving the request's model (null: any), blocking: a failure
     * worth trying elsewhere ({@link UpstreamErrors#tryElsewhere}) is tried on the next upstream,
     * and one that says the upstream is down takes it out of rotation.
     *
     * @throws EngineException as {@link #routable}; the last upstream's failure mapped by {@link
     *                         UpstreamErrors#toEngine} (secrets redacted); 503 if no upstream was
     *                         left to try
     */
    public EmbeddingResponse embed(EmbeddingRequest request) {
        String model = request.model();
        if (model != null) {
            routable(model);
        }
        UpstreamCall.Router router = router(model);
        List<UpstreamNode> tried = new ArrayList<>();
        LlmException lastError = null;
        UpstreamNode lastNode = null;
        for (UpstreamNode node = router.next(tried); node != null; node = router.next(tried)) {
            tried.add(node);
            try {
                return node.upstream().client().embed(request);
            } catch (LlmException e) {
                lastError = e;
                lastNode = node;
                if (UpstreamErrors.upstreamDown(e)) {
                    router.failed(node, e);
                }
                if (!UpstreamErrors.tryElsewhere(e)) {
                    break;
                }
            } finally {
                node.release();
            }
        }
        if (lastError != null) {
            throw toEngine(lastNode, model, lastError);
        }
        throw router.none();
    }

    /**
     * Runs one health check of {@code node}: fetches its model list, putting it in rotation when
     * that succeeds and out of it (with the reason, redacted) when it fails. Never throws.
     */
    public void check(UpstreamNode node) {
        try {
            node.up(node.upstream().client().models());
        } catch (LlmException e) {
            node.down(toEngine(node, null, e).getMessage());
        } catch (RuntimeException e) {
            node.down(redact("upstream '" + node.upstream().name() + "' failed its health check: "
                    + UpstreamErrors.reason(e)));
        }
    }

    /** Each upstream's name and state ({@code healthy} or its reason), joined by {@code "; "}. */
    public String reasons() {
        return reasons(nodes);
    }

    /** Closes every upstream's client; one that throws does not keep the others open. */
    public void closeClients() {
        for (UpstreamNode node : nodes) {
            try {
                node.upstream().client().close();
            } catch (RuntimeException ignored) {
                // LlmClient.close never throws by contract; one broken client must not keep others open
            }
        }
    }

    /** {@link UpstreamErrors#toEngine}, with every configured secret in the message replaced by {@code ***}. */
    private EngineException toEngine(UpstreamNode node, String model, LlmException error) {
        EngineException mapped = UpstreamErrors.toEngine(node.upstream().name(), model, error);
        String message = redact(mapped.getMessage());
        return message.equals(mapped.getMessage()) ? mapped
                : new EngineException(mapped.status(), message, mapped.retryAfter());
    }

    private String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /** The healthy upstream serving {@code model}, not yet tried, with the fewest in flight; ties in turn. */
    private UpstreamNode pick(String model, List<UpstreamNode> tried) {
        Set<UpstreamNode> excluded = new HashSet<>(tried);
        int start = Math.floorMod(turn.getAndIncrement(), nodes.size());
        UpstreamNode best = null;
        for (int i = 0; i < nodes.size(); i++) {
            UpstreamNode node = nodes.get((start + i) % nodes.size());
            if (excluded.contains(node) || !node.healthy() || (model != null && !node.mayServe(model))) {
                continue;
            }
            if (best == null || node.inFlight() < best.inFlight()) {
                best = node;
            }
        }
        if (best != null) {
            best.acquire();
        }
        return best;
    }

    private EngineException noHealthy(String model, List<UpstreamNode> serving) {
        String what = model == null ? "no healthy upstream" : "no healthy upstream serves model '" + model + "'";
        return new EngineException(503, what + ": " + reasons(serving.isEmpty() ? nodes : serving), Duration.ofSeconds(1));
    }

    private static String reasons(List<UpstreamNode> nodes) {
        return nodes.stream().map(n -> {
            UpstreamState s = n.state();
            return s.name() + ": " + (s.healthy() ? "healthy" : s.reason());
        }).collect(Collectors.joining("; "));
    }
}
