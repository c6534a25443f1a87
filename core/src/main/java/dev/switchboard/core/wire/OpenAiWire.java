package dev.switchboard.core.wire;

import java.util.List;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.MalformedResponseException;

/**
 * The JSON of OpenAI Chat Completions, Embeddings and Models, both directions, for clients
 * ({@code write*Request}, {@code read*Response}) and the server ({@code read*Request},
 * {@code write*Response}). Stateless and thread-safe.
 *
 * <p>Reading is tolerant where real servers differ (recorded in {@code shared/reference/}):
 * unknown fields are ignored; {@code id}, {@code created}, {@code model} are optional;
 * {@code content} may be null; reasoning arrives as {@code reasoning_content} or {@code reasoning}.
 */
public final class OpenAiWire {

    private OpenAiWire() {
    }

    /**
     * The body of {@code POST /v1/chat/completions}. With {@code stream}, also
     * {@code "stream_options":{"include_usage":true}}. Extensions are written as top-level fields.
     * Assistant reasoning is not sent back.
     */
    public static byte[] writeChatRequest(ChatRequest request, boolean stream) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /v1/chat/completions} body, as a server.
     *
     * @throws WireFormatException if it is not JSON or not the request's shape (names the field)
     */
    public static InboundChat readChatRequest(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * A non-streaming {@code chat.completion} body.
     *
     * @param created seconds since the epoch
     */
    public static byte[] writeChatResponse(ChatResponse response, long created) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a non-streaming {@code chat.completion} body, separating reasoning in all three shapes.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code choices[0].message}
     */
    public static ChatResponse readChatResponse(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** One {@code chat.completion.chunk} as JSON (no SSE framing; see {@link Sse}). */
    public static byte[] writeChunk(ChatChunk chunk) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads one chunk from {@code buf[off, off+len)}: the data of one SSE event, not {@code [DONE]}.
     *
     * @throws MalformedResponseException if it is not JSON or not a chunk's shape (names the payload)
     */
    public static ChatChunk readChunk(byte[] buf, int off, int len) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** The body of {@code POST /v1/embeddings}. */
    public static byte[] writeEmbeddingRequest(EmbeddingRequest request) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code /v1/embeddings} body, as a server; {@code input} may be a string or an array.
     *
     * @throws WireFormatException if it is not JSON, or {@code input} is missing, empty or not text
     */
    public static EmbeddingRequest readEmbeddingRequest(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** An embeddings response body ({@code object: "list"}, {@code data[].embedding}, {@code usage}). */
    public static byte[] writeEmbeddingResponse(EmbeddingResponse response) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads an embeddings response; vectors are ordered by {@code data[].index}.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code data}
     */
    public static EmbeddingResponse readEmbeddingResponse(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** A {@code GET /v1/models} body. */
    public static byte[] writeModels(List<ModelInfo> models) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads a {@code GET /v1/models} body.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code data}
     */
    public static List<ModelInfo> readModels(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * The {@code /v1} error envelope, as llama-server sends it:
     * {@code {"error":{"code":400,"message":"...","type":"invalid_request_error"}}}.
     */
    public static byte[] writeError(int status, String message, String type) {
        throw new UnsupportedOperationException("not yet written");
    }

    /**
     * Reads an error body in either envelope ({@code {"error":"..."}} or {@code {"error":{...}}});
     * never throws: a body that is not JSON gives its text (cut to 500 chars) as the message.
     */
    public static ErrorBody readError(byte[] body) {
        throw new UnsupportedOperationException("not yet written");
    }
}
