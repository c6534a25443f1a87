package dev.switchboard.core.wire;

import java.util.List;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.MalformedResponseException;

/**
 * The JSON of Ollama's native API ({@code /api/chat}, {@code /api/generate}, {@code /api/embed},
 * {@code /api/tags}), both directions, as recorded in {@code shared/reference/ollama-wire.md}.
 * Stateless and thread-safe.
 *
 * <p>Where it differs from {@code /v1}: sampling options live in an {@code options} object
 * ({@code temperature}, {@code top_p}, {@code seed}, {@code stop}, {@code num_predict} for
 * max_tokens); tool-call arguments are a JSON object, not a string; tool calls may have no id;
 * reasoning is {@code thinking}; streaming is the default; errors are {@code {"error":"..."}}.
 */
public final class OllamaWire {

    private OllamaWire() {
    }

    /** The body of {@code POST /api/chat}; {@link ChatRequest#extensions()} go at top level. */
    public static byte[] writeChatRequest(ChatRequest request, boolean stream) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /api/chat} body, as a server; {@code stream} defaults to true.
     *
     * @throws WireFormatException if it is not JSON or not the request's shape
     */
    public static InboundChat readChatRequest(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /api/generate} body, as a server: {@code system} becomes a system message,
     * {@code prompt} a user message; {@code stream} defaults to true.
     *
     * @throws WireFormatException if it is not JSON or has no {@code prompt} string
     */
    public static InboundChat readGenerateRequest(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** One {@code /api/chat} line (or whole non-streaming body), without the newline. */
    public static byte[] writeChatLine(OllamaLine line) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** One {@code /api/generate} line (or whole non-streaming body), without the newline. */
    public static byte[] writeGenerateLine(OllamaLine line) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads one {@code /api/chat} or {@code /api/generate} line from {@code buf[off, off+len)}.
     *
     * @throws MalformedResponseException if it is not JSON or not a line's shape (names the payload)
     */
    public static OllamaLine readLine(byte[] buf, int off, int len) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a non-streaming {@code /api/chat} body into a response (reasoning from
     * {@code message.thinking}, or from {@code <think>} tags in content).
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code message}
     */
    public static ChatResponse readChatResponse(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The body of {@code POST /api/embed} ({@code input} as an array). */
    public static byte[] writeEmbedRequest(EmbeddingRequest request) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /api/embed} body, as a server; {@code input} may be a string or an array.
     *
     * @throws WireFormatException if it is not JSON, or {@code input} is missing or not text
     */
    public static EmbeddingRequest readEmbedRequest(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** A {@code /api/embed} response ({@code model}, {@code embeddings}, {@code prompt_eval_count}). */
    public static byte[] writeEmbedResponse(EmbeddingResponse response) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /api/embed} response.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code embeddings}
     */
    public static EmbeddingResponse readEmbedResponse(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** A {@code GET /api/tags} body. */
    public static byte[] writeTags(List<ModelInfo> models) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code GET /api/tags} body.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code models}
     */
    public static List<ModelInfo> readTags(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Ollama's error envelope: {@code {"error":"..."}}. */
    public static byte[] writeError(String message) {
        throw new UnsupportedOperationException("not yet written");
    }
}
