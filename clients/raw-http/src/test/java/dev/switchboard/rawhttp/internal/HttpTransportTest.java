package dev.switchboard.rawhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.wire.OpenAiWire;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/** The requests a {@link HttpTransport.Target} builds from its template, and its failures per request. */
class HttpTransportTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void aPostCarriesTheUrlTheKeyAndTheBodyOfThisCall() throws IOException {
        try (HttpTransport http = transport(Endpoint.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("sk-1").build())) {
            HttpTransport.Target target = http.target("http://127.0.0.1:9/v1/chat/completions");
            Request first = target.post(RequestBody.create(bytes("{\"a\":1}"), JSON));
            Request second = target.post(RequestBody.create(bytes("{\"b\":2}"), JSON));

            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.url().toString()).isEqualTo("http://127.0.0.1:9/v1/chat/completions");
            assertThat(first.headers().toMultimap()).containsOnlyKeys("Authorization");
            assertThat(first.header("Authorization")).isEqualTo("Bearer sk-1");
            assertThat(body(first)).isEqualTo("{\"a\":1}");
            assertThat(body(second)).isEqualTo("{\"b\":2}");
            assertThat(first.body().contentType()).isEqualTo(JSON);
        }
    }

    @Test
    void aGetIsTheSameRequestEachTimeWithoutABody() {
        try (HttpTransport http = transport(Endpoint.builder().baseUrl("http://127.0.0.1:9/v1").build())) {
            HttpTransport.Target target = http.target("http://127.0.0.1:9/v1/models");
            Request get = target.get();
            assertThat(get.method()).isEqualTo("GET");
            assertThat(get.body()).isNull();
            assertThat(get.header("Authorization")).isEqualTo("Bearer " + Endpoint.PLACEHOLDER_API_KEY);
            assertThat(target.get()).isSameAs(get);
        }
    }

    @Test
    void anUnparsableUrlFailsEachRequestNotTheTarget() {
        try (HttpTransport http = transport(Endpoint.builder().baseUrl("http://127.0.0.1:9/v1").build())) {
            HttpTransport.Target target = http.target("htp:/nowhere");
            assertThat(target).hasToString("htp:/nowhere");
            assertThatThrownBy(target::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("htp");
            assertThatThrownBy(() -> target.post(RequestBody.create(bytes("{}"), JSON)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aKeyOkHttpRejectsAsAHeaderFailsEachRequest() {
        try (HttpTransport http = transport(Endpoint.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("sk\n1").build())) {
            HttpTransport.Target target = http.target("http://127.0.0.1:9/v1/chat/completions");
            assertThatThrownBy(target::get).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> target.post(RequestBody.create(bytes("{}"), JSON)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static HttpTransport transport(Endpoint endpoint) {
        return new HttpTransport(endpoint, OpenAiWire::readError);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(Request request) throws IOException {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }
}
