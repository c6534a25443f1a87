package dev.switchboard.core.wire;

import java.util.List;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.internal.OllamaReader;
import dev.switchboard.core.wire.internal.OllamaRequestReader;
import dev.switchboard.core.wire.internal.OllamaWriter;

/**
 * The JSON of Ollama's native API ({@code /api/chat}, {@code /api/generate}, {@code /api/embed},
 * {@code /api/tags}), both directions, as recorded in
 * {@code core/src/test/resources/reference/ollama-wire.md}. Stateless and thread-safe.
 *
 * <p>Where it differs from {@code /v1}: sampling options live in an {@code options} object
 * ({@code temperature}, {@code top_p}, {@code seed}, {@code stop}, {@code num_predict} for
 * max_tokens); tool-call arguments are a JSON object, not a string; tool calls may have no id;
 * reasoning is {@code thinking}; streaming is the default; errors are {@code {"error":"..."}}.
 *
 * <p>Server-side reads reject a bad body with {@link WireFormatException}, which the server answers
 * with 400 and {@link #writeError(String)}. Ollama itself answers a wrong option type with 500
 * (ollama-wire.md 2.3); we answer 400, since it is the client's mistake.
 */
public final class OllamaWire {

    private OllamaWire() {
    }

    /**
     * The body of {@code POST /api/chat}: {@code model} (if set), {@code messages}, {@code tools},
     * {@code format} ({@code "json"} for a JSON object, the schema object for a JSON schema, absent
     * for text), {@code options} (the {@code options} extension merged with {@code temperature},
     * {@code top_p}, {@code seed}, {@code stop} and {@code num_predict} = max_tokens, the typed
     * fields winning), {@code stream} (always written: the native default is true), then the other
     * {@link ChatRequest#extensions()} at top level (e.g. {@code keep_alive}, {@code think}).
     * Assistant tool calls are written with object arguments (text that is not JSON stays a
     * string); a tool message carries {@code tool_call_id} and, found from the earlier call,
     * {@code tool_name}. Reasoning is not sent back.
     *
     * @throws IllegalArgumentException if the {@code options} extension is not a map, or a tool's
     *                                  parameters or a schema are not valid JSON
     */
    public static byte[] writeChatRequest(ChatRequest request, boolean stream) {
        return OllamaWriter.chatRequest(request, stream);
    }

    /**
     * Reads a {@code /api/chat} body, as a server; {@code stream} defaults to true and
     * {@link InboundChat#includeUsage()} is always true. {@code options.temperature},
     * {@code top_p}, {@code seed}, {@code stop} (array, or a string) and {@code num_predict}
     * (negative means no limit) become the typed fields; other options stay in an {@code options}
     * extension; {@code format} {@code "json"} or a schema object becomes the response format;
     * other top-level fields ({@code keep_alive}, {@code think}…) become extensions. Roles are
     * lower-cased; absent content is empty; a tool message may name its call only by
     * {@code tool_name}.
     *
     * @throws WireFormatException if it is not JSON or not the request's shape (names the field)
     */
    public static InboundChat readChatRequest(byte[] body) {
        return OllamaRequestReader.chat(body);
    }

    /**
     * Reads a {@code /api/generate} body, as a server: {@code system} becomes a system message,
     * {@code prompt} a user message; {@code stream} defaults to true; options and format as
     * {@link #readChatRequest(byte[])}.
     *
     * @throws WireFormatException if it is not JSON or has no {@code prompt} string
     */
    public static InboundChat readGenerateRequest(byte[] body) {
        return OllamaRequestReader.generate(body);
    }

    /**
     * One {@code /api/chat} line (or whole non-streaming body), without the newline, in Ollama's
     * order: {@code model}, {@code created_at}, {@code message{role, content, thinking?,
     * tool_calls?}}, {@code done}, {@code done_reason?}, then the metrics ({@code total_duration},
     * {@code load_duration} from the extensions, {@code prompt_eval_count} from usage,
     * {@code prompt_eval_duration}, {@code eval_count}, {@code eval_duration}), then other
     * extensions. Null model or created_at are omitted.
     */
    public static byte[] writeChatLine(OllamaLine line) {
        return OllamaWriter.chatLine(line);
    }

    /**
     * One {@code /api/generate} line (or whole non-streaming body), without the newline:
     * {@code model}, {@code created_at}, {@code response}, {@code thinking?}, {@code done},
     * {@code done_reason?}, metrics as {@link #writeChatLine}, {@code tool_calls?}.
     */
    public static byte[] writeGenerateLine(OllamaLine line) {
        return OllamaWriter.generateLine(line);
    }

    /**
     * Reads one {@code /api/chat} or {@code /api/generate} line from {@code buf[off, off+len)}.
     * A tool call without an id gets {@code "call_" + function.index} (else its position).
     *
     * @throws MalformedResponseException if it is not JSON or not a line's shape (names the
     *         payload), or if it is an error line {@code {"error":"..."}}
     */
    public static OllamaLine readLine(byte[] buf, int off, int len) {
        OllamaReader.Parsed parsed = OllamaReader.parse(buf, off, len);
        if (parsed.error() != null) {
            throw new MalformedResponseException("Ollama line is an error: " + parsed.error(),
                    new String(buf, off, Math.min(len, 2000), java.nio.charset.StandardCharsets.UTF_8), null);
        }
        return parsed.toLine();
    }

    /**
     * Reads a non-streaming {@code /api/chat} body into a response (reasoning from
     * {@code message.thinking}, or from {@code <think>} tags in content). The id is null (Ollama
     * sends none); the finish reason follows Ollama's rule ({@code stop} with tool calls is
     * TOOL_CALLS); {@code created_at} and the metrics are in {@link ChatResponse#extensions()}.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code message}
     */
    public static ChatResponse readChatResponse(byte[] body) {
        return OllamaReader.chatResponse(body);
    }

    /** The body of {@code POST /api/embed} ({@code input} as an array). */
    public static byte[] writeEmbedRequest(EmbeddingRequest request) {
        return OllamaWriter.embedRequest(request);
    }

    /**
     * Reads a {@code /api/embed} body, as a server; {@code input} may be a string or an array. An
     * empty string is one empty text (Ollama reads it as zero inputs).
     *
     * @throws WireFormatException if it is not JSON, or {@code input} is missing or not text
     */
    public static EmbeddingRequest readEmbedRequest(byte[] body) {
        return OllamaRequestReader.embed(body);
    }

    /** A {@code /api/embed} response ({@code model}, {@code embeddings}, {@code prompt_eval_count}). */
    public static byte[] writeEmbedResponse(EmbeddingResponse response) {
        return OllamaWriter.embedResponse(response);
    }

    /**
     * Reads a {@code /api/embed} response; {@code prompt_eval_count} becomes the usage's prompt and
     * total tokens.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code embeddings}
     */
    public static EmbeddingResponse readEmbedResponse(byte[] body) {
        return OllamaReader.embedResponse(body);
    }

    /**
     * A {@code GET /api/tags} body: per model {@code name} and {@code model} (the id),
     * {@code modified_at} (RFC 3339 of {@code created}), {@code size} 0, {@code digest} (SHA-256 of
     * the id, hex), and {@code details} with empty values and format {@code gguf}.
     */
    public static byte[] writeTags(List<ModelInfo> models) {
        return OllamaWriter.tags(models);
    }

    /**
     * Reads a {@code GET /api/tags} body: {@code name} (else {@code model}) is the id,
     * {@code modified_at} the {@code created} seconds (0 if absent or unparseable); a null
     * {@code models} is an empty list.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code models}
     */
    public static List<ModelInfo> readTags(byte[] body) {
        return OllamaReader.tags(body);
    }

    /** Ollama's error envelope: {@code {"error":"..."}}. */
    public static byte[] writeError(String message) {
        return OllamaWriter.error(message);
    }

    /** Reads an error body in either envelope; same as {@link OpenAiWire#readError(byte[])}. Never throws. */
    public static ErrorBody readError(byte[] body) {
        return OpenAiWire.readError(body);
    }
}
