package dev.switchboard.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.core.ModelInfo;
import dev.switchboard.server.engine.EngineHealth;
import dev.switchboard.server.engine.UpstreamState;

/**
 * The bodies of {@code GET /health} and {@code GET /v1/models/{id}}.
 *
 * <p>Health: {@code {"status":"ok"}} as llama-server sends it
 * ({@code llama-server-transcripts/01-health.txt}); unhealthy {@code {"status":"unavailable",
 * "reason":"..."}}; an engine with upstreams adds {@code "upstreams":[{"name","url","status":"ok"|"down",
 * "reason"?,"in_flight","models":[...]}]}.
 */
final class HealthFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthFormat() {
    }

    /** @param detailed whether to add the reason and the upstreams (false: the status alone) */
    static byte[] health(EngineHealth health, boolean detailed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", health.healthy() ? "ok" : "unavailable");
        if (detailed && health.reason() != null) {
            root.put("reason", health.reason());
        }
        if (detailed && !health.upstreams().isEmpty()) {
            ArrayNode upstreams = root.putArray("upstreams");
            for (UpstreamState state : health.upstreams()) {
                ObjectNode node = upstreams.addObject();
                node.put("name", state.name());
                node.put("url", state.url());
                node.put("status", state.healthy() ? "ok" : "down");
                if (state.reason() != null) {
                    node.put("reason", state.reason());
                }
                node.put("in_flight", state.inFlight());
                ArrayNode models = node.putArray("models");
                state.models().forEach(models::add);
            }
        }
        return bytes(root);
    }

    /** {@code {"id","object":"model","created","owned_by"}}, one entry of {@code /v1/models} (ollama-wire.md 6). */
    static byte[] model(ModelInfo info) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", info.id());
        root.put("object", "model");
        root.put("created", info.created());
        if (info.ownedBy() != null) { // an upstream may not say (Ollama's native /api/tags has no owner)
            root.put("owned_by", info.ownedBy());
        }
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of strings and numbers", e);
        }
    }
}
