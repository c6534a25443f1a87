package dev.switchboard.core.wire;

import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.internal.ChunkReader;
import dev.switchboard.core.wire.internal.CompletionCodec;
import dev.switchboard.core.wire.internal.OpenAiReader;
import dev.switchboard.core.wire.internal.OpenAiRequestReader;
import dev.switchboard.core.wire.internal.OpenAiWriter;

/**
 * The JSON of OpenAI Chat Completions, Completions, Embeddings and Models, both directions, for clients
 * ({@code write*Request}, {@code read*Response}) and the server ({@code read*Request},
 * {@code write*Response}). Stateless and thread-safe.
 *
 * <p>Reading is tolerant where real servers differ (recorded in
 * {@code core/src/test/resources/reference/}): unknown fields are ignored; {@code id},
 * {@code created}, {@code model} are optional; {@code content} may be null; reasoning arrives as
 * {@code reasoning_content} or {@code reasoning}.
 *
 * <p>Writing follows llama-server's shapes and field order
 * ({@code core/src/test/resources/reference/llama-server-transcripts/}: 04 for
 * {@code chat.completion}, 05/06 for chunks, 34/35 for tool calls, 17 for errors, 19/20/21 for
 * embeddings), which OpenAI clients read.
 *
 * <p>Server-side reads reject a bad body with {@link WireFormatException}, which the server answers
 * with <b>400</b> in the {@code /v1} error envelope. (llama-server answers invalid JSON and an empty
 * body with 500, transcripts 14 and 26, and accepts an unknown role, transcript 42: we deliberately
 * do not copy that: a client's mistake is a 4xx.)
 */
public final class OpenAiWire {

    private OpenAiWire() {
    }

    /**
     * The body of {@code POST /v1/chat/completions}. With {@code stream}, also
     * {@code "stream_options":{"include_usage":true}}; without, {@code "stream":false}. Unset
     * options are omitted; a null model is omitted. Extensions are written as top-level fields,
     * after the others; an extension named like a field written here is skipped (the typed field
     * wins). Assistant reasoning is not sent back. An assistant message with only tool calls is
     * sent with {@code "content":null}; a tool message with its {@code tool_call_id}.
     *
     * @throws IllegalArgumentException if a tool's parameters or a JSON-schema response format are
     *                                  not valid JSON
     */
    public static byte[] writeChatRequest(ChatRequest request, boolean stream) {
        return OpenAiWriter.chatRequest(request, stream);
    }

    /**
     * Reads a {@code /v1/chat/completions} body, as a server. Accepted: {@code model} (optional),
     * {@code messages} (required; see below), {@code tools}, {@code temperature} (0–2),
     * {@code top_p} (0–1), {@code max_tokens} (or {@code max_completion_tokens}), {@code stop}
     * (string or array), {@code seed}, {@code response_format}, {@code stream} (default false),
     * {@code stream_options.include_usage}; every other non-null top-level field becomes an
     * extension. A message's {@code content} is a string, an array of
     * {@code {"type":"text","text":..}} parts (joined with {@code \n}), or null for an assistant
     * message with {@code tool_calls}; roles are system, user, assistant, tool (and
     * {@code developer}, read as system); a tool message needs {@code tool_call_id}.
     *
     * @throws WireFormatException if the body is empty, not JSON, not an object, or not the
     *         request's shape; the message names the field and {@link WireFormatException#param()}
     *         the top-level field
     */
    public static InboundChat readChatRequest(byte[] body) {
        return OpenAiRequestReader.chat(body);
    }

    /**
     * A non-streaming {@code chat.completion} body, with reasoning (if any) as
     * {@code message.reasoning_content}; see {@link #writeChatResponse(ChatResponse, long, ReasoningField)}.
     *
     * @param created seconds since the epoch
     */
    public static byte[] writeChatResponse(ChatResponse response, long created) {
        return writeChatResponse(response, created, ReasoningField.REASONING_CONTENT);
    }

    /**
     * A non-streaming {@code chat.completion} body: {@code choices[0]} with {@code finish_reason},
     * {@code index}, {@code message{role, content, <reasoning>, tool_calls}}, then {@code created},
     * {@code model}, {@code object}, {@code usage}, {@code id}, then the response's extensions as
     * top-level fields. A null content is written as {@code null} (OpenAI's choice for tool-only
     * answers; llama-server writes {@code ""}, transcript 34; both are read back).
     *
     * @param created        seconds since the epoch
     * @param reasoningField where the reasoning goes; with {@link ReasoningField#THINK_TAGS} it is
     *                       prefixed to the content as {@code <think>…</think>}
     */
    public static byte[] writeChatResponse(ChatResponse response, long created, ReasoningField reasoningField) {
        return OpenAiWriter.chatResponse(response, created, reasoningField);
    }

    /**
     * Reads a non-streaming {@code chat.completion} body, separating reasoning in all three shapes
     * ({@code reasoning_content}, {@code reasoning}, {@code <think>} tags in content). A tool call
     * without an id gets {@code "call_" + position}; arguments given as an object are serialised.
     * Top-level fields outside the OpenAI vocabulary (e.g. llama.cpp's {@code timings}) land in
     * {@link ChatResponse#extensions()}.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code choices[0].message}
     */
    public static ChatResponse readChatResponse(byte[] body) {
        return OpenAiReader.chatResponse(body);
    }

    /**
     * One {@code chat.completion.chunk} as JSON (no SSE framing; see {@link Sse}). The delta holds
     * the chunk's non-null fields; a chunk with a role writes {@code "content":null} when it has no
     * content (llama-server's first chunk); a chunk with only usage is written with
     * {@code "choices":[]}; one with nothing but a finish reason with {@code "delta":{}}. A tool-call
     * fragment writes {@code type} only with its id, as in transcript 35.
     */
    public static byte[] writeChunk(ChatChunk chunk) {
        return OpenAiWriter.chunk(chunk, Map.of());
    }

    /**
     * As {@link #writeChunk(ChatChunk)}, with top-level fields outside the OpenAI vocabulary
     * written last, as llama-server writes {@code timings} on a stream's last chunk
     * ({@code llama-server-transcripts/06-chat-stream-usage.txt}); names the chunk already has are
     * not written twice.
     *
     * @param extensions field name to JSON-serialisable value; empty for none
     */
    public static byte[] writeChunk(ChatChunk chunk, Map<String, Object> extensions) {
        return OpenAiWriter.chunk(chunk, extensions);
    }

    /**
     * Reads one chunk from {@code buf[off, off+len)}: the data of one SSE event, not {@code [DONE]}.
     * Only choice 0 is read.
     *
     * @throws MalformedResponseException if it is not JSON, not a chunk's shape, or an error frame
     *         ({@code {"error":...}}); the message names the payload
     */
    public static ChatChunk readChunk(byte[] buf, int off, int len) {
        ChunkReader reader = new ChunkReader();
        reader.read(buf, off, len);
        if (reader.hasError) {
            throw new MalformedResponseException("stream chunk is an error frame: " + reader.errorMessage,
                    new String(buf, off, Math.min(len, 2000), java.nio.charset.StandardCharsets.UTF_8), null);
        }
        return reader.toChunk();
    }

    /**
     * The body of {@code POST /v1/completions}: {@code model} (if set), {@code prompt}, the set
     * options, {@code stream}, with {@code stream} also {@code "stream_options":{"include_usage":true}},
     * then the extensions as top-level fields (one named like a field written here is skipped).
     */
    public static byte[] writeCompletionRequest(CompletionRequest request, boolean stream) {
        return CompletionCodec.request(request, stream);
    }

    /**
     * Reads a {@code /v1/completions} body, as a server. Accepted: {@code model} (optional),
     * {@code prompt} (required, a string: Ollama reads nothing else, {@code ollama-wire.md}
     * section 4), {@code temperature} (0–2), {@code top_p} (0–1), {@code max_tokens}, {@code stop}
     * (string or array of strings), {@code seed}, {@code stream} (default false),
     * {@code stream_options.include_usage}; every other non-null top-level field becomes an
     * extension.
     *
     * @throws WireFormatException if the body is empty, not JSON, not an object, has no string
     *         {@code prompt} or a field of the wrong type or range; the message names the field
     */
    public static InboundCompletion readCompletionRequest(byte[] body) {
        return CompletionCodec.inbound(body);
    }

    /**
     * A non-streaming {@code text_completion} body, in llama-server's field order
     * ({@code llama-server-transcripts/07-completions.txt}): {@code choices[0]{text, index,
     * logprobs:null, finish_reason}}, {@code created}, {@code model}, {@code object}, {@code usage},
     * {@code id}, then the response's extensions.
     *
     * @param created seconds since the epoch
     */
    public static byte[] writeCompletionResponse(CompletionResponse response, long created) {
        return CompletionCodec.response(response, created);
    }

    /**
     * Reads a non-streaming {@code text_completion} body; a missing or null {@code text} is
     * {@code ""}; top-level fields outside the vocabulary (llama.cpp's {@code timings},
     * {@code system_fingerprint}) land in {@link CompletionResponse#extensions()}.
     *
     * @throws MalformedResponseException if it is not JSON, has no {@code choices[0]}, or its text
     *         is not a string
     */
    public static CompletionResponse readCompletionResponse(byte[] body) {
        return CompletionCodec.readResponse(body);
    }

    /**
     * One {@code text_completion} chunk as JSON (no SSE framing; see {@link Sse}), in
     * llama-server's field order ({@code 08-completions-stream.txt}); a chunk without a choice is
     * written with {@code "choices":[]}; a null text as {@code ""}.
     */
    public static byte[] writeCompletionChunk(CompletionChunk chunk) {
        return CompletionCodec.chunk(chunk);
    }

    /**
     * Reads one {@code text_completion} chunk from {@code buf[off, off+len)}: the data of one SSE
     * event, not {@code [DONE]}. {@code finish_reason: ""} is read as none.
     *
     * @throws MalformedResponseException if it is not JSON, has no {@code choices} array, or is an
     *         error frame; the message names the payload
     */
    public static CompletionChunk readCompletionChunk(byte[] buf, int off, int len) {
        CompletionCodec.Parsed parsed = CompletionCodec.readChunk(buf, off, len);
        if (parsed.chunk() == null) {
            throw new MalformedResponseException("stream chunk is an error frame: " + parsed.errorMessage(),
                    new String(buf, off, Math.min(len, 2000), java.nio.charset.StandardCharsets.UTF_8), null);
        }
        return parsed.chunk();
    }

    /** The body of {@code POST /v1/embeddings}: {@code model} (if set) and {@code input} as an array. */
    public static byte[] writeEmbeddingRequest(EmbeddingRequest request) {
        return OpenAiWriter.embeddingRequest(request);
    }

    /**
     * Reads a {@code /v1/embeddings} body, as a server; {@code input} may be a string or an array.
     * Same as {@link #readInboundEmbedding(byte[])} without the encoding.
     *
     * @throws WireFormatException if it is not JSON, or {@code input} is missing, empty or not text
     */
    public static EmbeddingRequest readEmbeddingRequest(byte[] body) {
        return OpenAiRequestReader.embedding(body).request();
    }

    /**
     * Reads a {@code /v1/embeddings} body, as a server, with its {@code encoding_format}
     * ({@code float}, the default, or {@code base64}, case-insensitive). An empty string input is
     * one empty text; an empty array is an error.
     *
     * @throws WireFormatException if it is not JSON, {@code input} is missing, an empty array or not
     *         text (token arrays included), or {@code encoding_format} is another value
     */
    public static InboundEmbedding readInboundEmbedding(byte[] body) {
        return OpenAiRequestReader.embedding(body);
    }

    /** An embeddings response body ({@code object: "list"}, {@code data[].embedding}, {@code usage}). */
    public static byte[] writeEmbeddingResponse(EmbeddingResponse response) {
        return OpenAiWriter.embeddingResponse(response, false);
    }

    /**
     * An embeddings response body, with vectors as float arrays or, with {@code base64}, as base64
     * of little-endian float32 (transcript 21).
     */
    public static byte[] writeEmbeddingResponse(EmbeddingResponse response, boolean base64) {
        return OpenAiWriter.embeddingResponse(response, base64);
    }

    /**
     * Reads an embeddings response; vectors are ordered by {@code data[].index}; each is a float
     * array or a base64 string.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code data}
     */
    public static EmbeddingResponse readEmbeddingResponse(byte[] body) {
        return OpenAiReader.embeddingResponse(body);
    }

    /** A {@code GET /v1/models} body: {@code {"object":"list","data":[{id, object, created, owned_by}]}}. */
    public static byte[] writeModels(List<ModelInfo> models) {
        return OpenAiWriter.models(models);
    }

    /**
     * Reads a {@code GET /v1/models} body; {@code "data": null} (Ollama with no models,
     * ollama-wire.md 6) is an empty list; llama-server's extra {@code models} array is ignored.
     *
     * @throws MalformedResponseException if it is not JSON or has no {@code data}
     */
    public static List<ModelInfo> readModels(byte[] body) {
        return OpenAiReader.models(body);
    }

    /**
     * The {@code /v1} error envelope, as llama-server sends it:
     * {@code {"error":{"code":400,"message":"...","type":"invalid_request_error"}}}.
     *
     * @param type the error type; null means {@link #errorType(int)} of the status
     */
    public static byte[] writeError(int status, String message, String type) {
        return OpenAiWriter.error(status, message, type == null ? errorType(status) : type);
    }

    /**
     * The conventional {@code error.type} for a status: 400/422 {@code invalid_request_error},
     * 401 {@code authentication_error}, 403 {@code permission_error}, 404 {@code not_found_error},
     * 429 {@code rate_limit_error}, 501 {@code not_supported_error} (llama-server, transcript 18),
     * other 5xx {@code server_error} (llama-server), anything else {@code api_error}.
     */
    public static String errorType(int status) {
        switch (status) {
            case 400:
            case 422:
                return "invalid_request_error";
            case 401:
                return "authentication_error";
            case 403:
                return "permission_error";
            case 404:
                return "not_found_error";
            case 429:
                return "rate_limit_error";
            case 501:
                return "not_supported_error";
            default:
                return status >= 500 && status < 600 ? "server_error" : "api_error";
        }
    }

    /**
     * Reads an error body in either envelope ({@code {"error":"..."}} or {@code {"error":{...}}},
     * also vLLM's top-level {@code message}/{@code type}); never throws: a body that is not JSON
     * gives its text (cut to 500 chars) as the message, an empty body a null message.
     */
    public static ErrorBody readError(byte[] body) {
        return OpenAiReader.error(body);
    }
}
