package dev.switchboard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ResponseFormat;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;

/** Reading {@code /v1} request bodies as a server: the recorded requests, and every rejection. */
class OpenAiRequestReadTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest
    @ValueSource(strings = {"04-chat-nonstream.txt", "05-chat-stream.txt", "06-chat-stream-usage.txt",
        "09-tools-auto.txt", "10-tools-required.txt", "11-tools-required-stream.txt", "12-tools-named-function.txt",
        "13-tool-result-roundtrip.txt", "27-max-tokens-0.txt", "28-n-2.txt", "29-stop-seq.txt",
        "30-json-response-format.txt", "31-logprobs.txt", "34-forced-tool-call.txt", "35-forced-tool-call-stream.txt",
        "38-tool-choice-none.txt", "46-chat-stream-n2.txt", "47-force-stop-eos.txt", "48-json-schema-format.txt"})
    void everyRecordedValidRequestIsAccepted(String file) {
        InboundChat in = OpenAiWire.readChatRequest(Transcripts.requestBody(file));

        assertThat(in.request().model()).isEqualTo("tiny");
        assertThat(in.request().messages()).isNotEmpty();
    }

    @Test
    void streamingRequestWithIncludeUsageIsReadWithItsOptions() {
        InboundChat in = OpenAiWire.readChatRequest(Transcripts.requestBody("06-chat-stream-usage.txt"));

        assertThat(in.stream()).isTrue();
        assertThat(in.includeUsage()).isTrue();
        assertThat(in.request().maxTokens()).isEqualTo(16);
        assertThat(in.request().seed()).isEqualTo(42L);
        assertThat(in.request().messages()).containsExactly(ChatMessage.system("You are a helpful assistant."),
                ChatMessage.user("Say hello in five words."));
        assertThat(in.request().extensions()).isEmpty();
    }

    @Test
    void toolRoundTripRequestKeepsTheCallTheResultAndTheTool() {
        ChatRequest r = OpenAiWire.readChatRequest(Transcripts.requestBody("13-tool-result-roundtrip.txt")).request();

        assertThat(r.messages()).containsExactly(ChatMessage.user("What is the weather in Paris?"),
                new ChatMessage.AssistantMessage(null, null,
                        List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                ChatMessage.tool("call_1", "{\"temp\":21}"));
        assertThat(r.tools()).extracting(ToolSpec::name).containsExactly("get_weather");
        assertThat(r.tools().get(0).parametersJson()).startsWith("{\"type\":\"object\",\"properties\":{\"city\"");
        assertThat(OpenAiWire.readChatRequest(Transcripts.requestBody("13-tool-result-roundtrip.txt")).stream())
                .isFalse();
    }

    @Test
    void unknownFieldsBecomeExtensions() {
        ChatRequest r = OpenAiWire.readChatRequest(Transcripts.requestBody("12-tools-named-function.txt")).request();

        assertThat(r.extensions()).isEqualTo(Map.of("tool_choice",
                Map.of("type", "function", "function", Map.of("name", "get_weather"))));
        assertThat(OpenAiWire.readChatRequest(Transcripts.requestBody("28-n-2.txt")).request().extensions())
                .isEqualTo(Map.of("n", 2));
    }

    @Test
    void responseFormatsAreRead() {
        assertThat(OpenAiWire.readChatRequest(Transcripts.requestBody("30-json-response-format.txt")).request()
                .responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
        assertThat(OpenAiWire.readChatRequest(Transcripts.requestBody("48-json-schema-format.txt")).request()
                .responseFormat()).isEqualTo(ResponseFormat.jsonSchema("x",
                        "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}},"
                                + "\"required\":[\"answer\",\"n\"]}", false));
        assertThat(OpenAiWire.readChatRequest(utf8("{" + HI + ",\"response_format\":{\"type\":\"text\"}}")).request()
                .responseFormat()).isEqualTo(ResponseFormat.TEXT);
    }

    @Test
    void maxCompletionTokensIsReadAsMaxTokens() {
        assertThat(OpenAiWire.readChatRequest(utf8("{" + HI + ",\"max_completion_tokens\":7}")).request().maxTokens())
                .isEqualTo(7);
        assertThat(OpenAiWire.readChatRequest(utf8("{" + HI + ",\"max_tokens\":3,\"max_completion_tokens\":7}"))
                .request().maxTokens()).isEqualTo(3);
    }

    @Test
    void contentPartsAreJoinedAndDeveloperIsSystem() {
        ChatRequest r = OpenAiWire.readChatRequest(utf8("{\"messages\":[{\"role\":\"developer\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"},{\"type\":\"text\",\"text\":\"world\"}]}]}"))
                .request();

        assertThat(r.messages()).containsExactly(ChatMessage.system("Be brief."), ChatMessage.user("Hello\nworld"));
        assertThat(r.model()).isNull();
    }

    @Test
    void stopAsAStringOrAnArray() {
        assertThat(OpenAiWire.readChatRequest(utf8("{" + HI + ",\"stop\":\"\\n\"}")).request().stop())
                .containsExactly("\n");
        assertThat(OpenAiWire.readChatRequest(Transcripts.requestBody("29-stop-seq.txt")).request().stop()).isNotEmpty();
    }

    /** llama-server answers these 500 (transcripts 14, 26); we answer 400: the client's mistake. */
    @Test
    void invalidJsonAndEmptyBodiesAreRejectedWithoutAField() {
        byte[] invalidJson = Transcripts.requestBody("14-invalid-json.txt");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(invalidJson))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.param()).isNull())
                .hasMessageStartingWith("request body is not valid JSON");
        byte[] emptyBody = Transcripts.requestBody("26-empty-body.txt");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(emptyBody))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("request body is empty");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(utf8("  \n")))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("request body is empty");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(utf8("[1,2]")))
                .isInstanceOf(WireFormatException.class).hasMessage("request body must be a JSON object, was an array");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(utf8("{" + HI + "} trailing")))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("request body is not valid JSON");
    }

    @Test
    void missingMessagesAsRecordedIn17() {
        byte[] missingMessages = Transcripts.requestBody("17-missing-messages.txt");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(missingMessages))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.param()).isEqualTo("messages"))
                .hasMessage("'messages' is required");
    }

    @Test
    void messagesNotAnArrayAsRecordedIn43() {
        byte[] notAnArray = Transcripts.requestBody("43-messages-not-array.txt");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(notAnArray))
                .isInstanceOf(WireFormatException.class).hasMessage("'messages' must be an array, was a string");
    }

    /** llama-server accepts role "wizard" (transcript 42, 200 OK); we reject it. */
    @Test
    void unknownRoleAsRecordedIn42IsRejected() {
        byte[] badRole = Transcripts.requestBody("42-bad-role.txt");
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(badRole))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("'messages[0].role' must be one of system, user, assistant, tool; was 'wizard'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{\"messages\":[]}|'messages' must not be empty|messages",
        "{\"messages\":[\"hi\"]}|'messages[0]' must be an object, was a string|messages",
        "{\"messages\":[{\"content\":\"hi\"}]}|'messages[0].role' is required|messages",
        "{\"messages\":[{\"role\":7,\"content\":\"hi\"}]}|'messages[0].role' must be a string, was a number|messages",
        "{\"messages\":[{\"role\":\"user\",\"content\":2}]}|'messages[0].content' must be a string, null or an array of text parts, was a number|messages",
        "{\"messages\":[{\"role\":\"user\",\"content\":null}]}|'messages[0].content' is required for role user|messages",
        "{\"messages\":[{\"role\":\"assistant\",\"content\":null}]}|'messages[0].content' must be a string unless the message has tool_calls|messages",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}|'messages[0].content[0].type' must be 'text' (other parts are not supported), was 'image_url'|messages",
        "{\"messages\":[{\"role\":\"tool\",\"content\":\"21\"}]}|'messages[0].tool_call_id' is required|messages",
        "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"arguments\":\"{}\"}}]}]}|'messages[0].tool_calls[0].function.name' is required|messages",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":{}}|'tools' must be an array, was an object|tools",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\"}]}|'tools[0].function' must be an object, was missing|tools",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}|'temperature' must be a number, was a string|temperature",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}|'temperature' must be between 0 and 2, was 3.0|temperature",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"top_p\":1.5}|'top_p' must be between 0 and 1, was 1.5|top_p",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":\"16\"}|'max_tokens' must be an integer, was a string|max_tokens",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1.5}|'max_tokens' must be an integer, was a number|max_tokens",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":-1}|'max_tokens' must be between 0 and 2147483647, was -1|max_tokens",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}|'stream' must be a boolean, was a string|stream",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stop\":[1]}|'stop[0]' must be a string, was a number|stop",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":1}|'model' must be a string, was a number|model",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"response_format\":{\"type\":\"xml\"}}|'response_format.type' must be one of text, json_object, json_schema; was 'xml'|response_format",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream_options\":{\"include_usage\":1}}|'stream_options.include_usage' must be a boolean, was a number|stream_options"})
    void wrongShapesAreRejectedNamingTheField(String body, String message, String param) {
        assertThatThrownBy(() -> OpenAiWire.readChatRequest(utf8(body)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.param()).isEqualTo(param))
                .hasMessage(message);
    }

    @Test
    void embeddingRequestsAcceptAStringOrAnArrayAndTheEncoding() {
        assertThat(OpenAiWire.readEmbeddingRequest(Transcripts.requestBody("19-embeddings.txt")).input())
                .containsExactly("hello world");
        assertThat(OpenAiWire.readEmbeddingRequest(Transcripts.requestBody("20-embeddings-batch.txt")).input())
                .containsExactly("hello world", "second input");
        InboundEmbedding b64 = OpenAiWire.readInboundEmbedding(Transcripts.requestBody("21-embeddings-base64.txt"));
        assertThat(b64.base64()).isTrue();
        assertThat(b64.request().model()).isEqualTo("tiny");
        assertThat(OpenAiWire.readEmbeddingRequest(Transcripts.requestBody("32-embeddings-empty.txt")).input())
                .containsExactly("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{\"model\":\"m\"}|'input' is required",
        "{\"input\":[]}|'input' must not be empty",
        "{\"input\":[1,2,3]}|'input[0]' must be a string (token arrays are not supported), was a number",
        "{\"input\":7}|'input' must be a string or an array of strings, was a number",
        "{\"input\":\"x\",\"encoding_format\":\"int8\"}|'encoding_format' must be 'float' or 'base64', was 'int8'"})
    void badEmbeddingRequestsAreRejected(String body, String message) {
        assertThatThrownBy(() -> OpenAiWire.readInboundEmbedding(utf8(body)))
                .isInstanceOf(WireFormatException.class).hasMessage(message);
    }
}
