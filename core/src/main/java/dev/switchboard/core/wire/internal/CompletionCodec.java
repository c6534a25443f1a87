package dev.switchboard.core.wire.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.wire.CompletionChunk;
import dev.switchboard.core.wire.InboundCompletion;
import dev.switchboard.core.wire.WireFormatException;

/**
 * Reads and writes the {@code /v1/completions} JSON, both directions; see
 * {@link dev.switchboard.core.wire.OpenAiWire} for the contract.
 */
public final class CompletionCodec {

    private static final Set<String> REQUEST_FIELDS = Set.of("model", "prompt", "temperature", "top_p",
            "max_tokens", "stop", "seed", "stream", "stream_options");
    private static final Set<String> RESPONSE_FIELDS = Set.of("id", "object", "created", "model", "choices",
            "usage");
    /** Fields a chunk's reader leaves out of the extensions (identity and structure). */
    private static final Set<String> CHUNK_FIELDS = Set.of("id", "object", "created", "model", "choices", "usage");

    private CompletionCodec() {
    }

    /** The body of {@code POST /v1/completions}. */
    public static byte[] request(CompletionRequest r, boolean stream) {
        return Json.write(g -> {
            g.writeStartObject();
            if (r.model() != null) {
                g.writeStringField("model", r.model());
            }
            g.writeStringField("prompt", r.prompt());
            Writes.writeSampling(g, r.temperature(), r.topP(), r.maxTokens(), r.stop(), r.seed());
            Writes.writeStream(g, stream);
            Writes.writeExtensions(g, r.extensions(), REQUEST_FIELDS);
            g.writeEndObject();
        });
    }

    /** A {@code /v1/completions} body, as a server. */
    public static InboundCompletion inbound(byte[] body) {
        JsonNode root = Fields.body(body);
        JsonNode promptNode = root.get("prompt");
        if (promptNode == null || promptNode.isNull()) {
            throw new WireFormatException("'prompt' is required", "prompt", null);
        }
        if (!promptNode.isTextual()) {
            // Ollama reads a string only (ollama-wire.md section 4); arrays and token prompts are refused, not guessed
            throw Fields.wrong("prompt", "a string", promptNode, "prompt");
        }
        String model = Fields.string(root, "model", "model", "model");
        Double temperature = Fields.number(root, "temperature", "temperature", "temperature");
        Fields.range(temperature, 2, "temperature");
        Double topP = Fields.number(root, "top_p", "top_p", "top_p");
        Fields.range(topP, 1, "top_p");
        Integer maxTokens = Fields.count(Fields.integer(root, "max_tokens", "max_tokens", "max_tokens"), "max_tokens");
        List<String> stop = Fields.strings(root, "stop", "stop", "stop");
        Long seed = Fields.integer(root, "seed", "seed", "seed");
        Boolean stream = Fields.bool(root, "stream", "stream", "stream");
        boolean includeUsage = Fields.includeUsage(root);
        Map<String, Object> extensions = new LinkedHashMap<>();
        Fields.extensions(root, REQUEST_FIELDS, extensions);
        try {
            CompletionRequest request = new CompletionRequest(model, promptNode.textValue(), temperature, topP,
                    maxTokens, stop, seed, extensions);
            return new InboundCompletion(request, stream != null && stream, includeUsage);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException(e.getMessage(), null, e);
        }
    }

    /** A non-streaming {@code text_completion}, in llama-server's field order (07-completions.txt). */
    public static byte[] response(CompletionResponse r, long created) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("choices");
            writeChoice(g, r.text(), r.finishReason() == null ? null : r.finishReason().wireName());
            g.writeEndArray();
            Writes.writeResponseTail(g, created, r.model(), "text_completion", r.usage(), r.id());
            Writes.writeExtensions(g, r.extensions(), RESPONSE_FIELDS);
            g.writeEndObject();
        });
    }

    /** Reads a non-streaming {@code text_completion}, as a client. */
    public static CompletionResponse readResponse(byte[] body) {
        JsonNode root = OpenAiReader.object(body, "completion response");
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw OpenAiReader.malformed(root.has("error") ? "completion response is an error"
                    : "completion response has no choices[0]", body);
        }
        JsonNode text = choice.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw OpenAiReader.malformed("completion response's choices[0].text is not a string", body);
        }
        return new CompletionResponse(OpenAiReader.textOrNull(root.get("id")),
                OpenAiReader.textOrNull(root.get("model")), text == null || text.isNull() ? "" : text.textValue(),
                FinishReason.fromWire(OpenAiReader.textOrNull(choice.get("finish_reason"))),
                OpenAiReader.usage(root.get("usage")), OpenAiReader.others(root, RESPONSE_FIELDS));
    }

    /** One {@code text_completion} chunk, in llama-server's field order (08-completions-stream.txt). */
    public static byte[] chunk(CompletionChunk c) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("choices");
            if (c.hasChoice()) {
                writeChoice(g, c.text() == null ? "" : c.text(), c.finishReason());
            }
            g.writeEndArray();
            Writes.writeResponseTail(g, c.created(), c.model(), "text_completion", c.usage(), c.id());
            g.writeEndObject();
        });
    }

    /** Reads one chunk; an error frame is reported through {@code error}, not thrown. */
    public static Parsed readChunk(byte[] buf, int off, int len) {
        JsonNode root;
        try {
            root = Json.tree(buf, off, len);
        } catch (IOException e) {
            throw new MalformedResponseException("completion chunk is not valid JSON", Json.payload(buf, off, len), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("completion chunk is not a JSON object", Json.payload(buf, off, len),
                    null);
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            return new Parsed(null, errorMessage(error), errorStatus(error));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new MalformedResponseException("completion chunk has no 'choices' array", Json.payload(buf, off, len),
                    null);
        }
        JsonNode choice = choices.path(0);
        boolean hasChoice = choice.isObject();
        JsonNode text = choice.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw new MalformedResponseException("completion chunk's choices[0].text is not a string",
                    Json.payload(buf, off, len), null);
        }
        CompletionChunk chunk = new CompletionChunk(OpenAiReader.textOrNull(root.get("id")),
                root.path("created").asLong(0), OpenAiReader.textOrNull(root.get("model")), hasChoice,
                text == null || text.isNull() ? null : text.textValue(),
                emptyToNull(OpenAiReader.textOrNull(choice.get("finish_reason"))),
                OpenAiReader.usage(root.get("usage")), OpenAiReader.others(root, CHUNK_FIELDS));
        return new Parsed(chunk, null, 0);
    }

    /**
     * A parsed chunk, or the server's error frame.
     *
     * @param chunk        the chunk, or null for an error frame
     * @param errorMessage the error frame's message, or null
     * @param errorStatus  the error frame's {@code code} when it is an HTTP status, else 0
     */
    public record Parsed(CompletionChunk chunk, String errorMessage, int errorStatus) {
    }

    private static String errorMessage(JsonNode error) {
        if (error.isTextual()) {
            return error.textValue();
        }
        JsonNode m = error.get("message");
        return m != null && m.isTextual() ? m.textValue() : Json.text(error);
    }

    private static int errorStatus(JsonNode error) {
        JsonNode code = error.get("code");
        return code != null && code.isInt() && code.intValue() >= 100 && code.intValue() < 600 ? code.intValue() : 0;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void writeChoice(JsonGenerator g, String text, String finishReason) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", text);
        g.writeNumberField("index", 0);
        g.writeNullField("logprobs");
        Writes.writeNullableString(g, "finish_reason", finishReason);
        g.writeEndObject();
    }
}
