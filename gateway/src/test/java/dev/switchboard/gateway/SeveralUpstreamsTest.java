package dev.switchboard.gateway;

import static dev.switchboard.gateway.Gateways.get;
import static dev.switchboard.gateway.Gateways.json;
import static dev.switchboard.gateway.Gateways.post;
import static dev.switchboard.gateway.Gateways.sseText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.engine.UpstreamEngine;
import dev.switchboard.server.fault.Fault;

/** A gateway in front of two scripted upstreams: least in flight, failover before the first byte, health. */
class SeveralUpstreamsTest {

    private SwitchboardServer a;
    private SwitchboardServer b;
    private SwitchboardServer gateway;

    @AfterEach
    void stop() {
        for (SwitchboardServer server : new SwitchboardServer[] {gateway, a, b}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static String chat(String text, boolean stream) {
        return "{\"model\":\"scripted\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void aRequestGoesToTheUpstreamWithFewerInFlight() throws Exception {
        a = SwitchboardServer.start(new ScriptedEngine());
        b = SwitchboardServer.start(new ScriptedEngine());
        gateway = SwitchboardServer.start(Gateways.engine(Duration.ofHours(1), "a=" + a.openAiBaseUrl(), "b=" + b.openAiBaseUrl()));
        a.faults().forModel("scripted", new Fault.StallMidStream(1, Duration.ofSeconds(5)));
        b.faults().forModel("scripted", new Fault.StallMidStream(1, Duration.ofSeconds(5)));

        try (Gateways.OpenStream first = Gateways.OpenStream.post(gateway, "/v1/chat/completions", chat("x y z", true));
                Gateways.OpenStream second = Gateways.OpenStream.post(gateway, "/v1/chat/completions", chat("x y z", true))) {
            first.readUntil("\"content\":\"You \"");
            second.readUntil("\"content\":\"You \"");

            // both stalled streams are open at once, one on each upstream: the second avoided the busy one
            assertThat(a.stats().openStreams()).isEqualTo(1);
            assertThat(b.stats().openStreams()).isEqualTo(1);
        }
    }

    @Test
    void anUpstreamStoppedMidRunLosesNoRequestAndComesBackWhenItRecovers() throws Exception {
        a = SwitchboardServer.start(new ScriptedEngine());
        b = SwitchboardServer.start(new ScriptedEngine());
        int portA = a.port();
        UpstreamEngine engine = Gateways.engine(Duration.ofMillis(200), "a=" + a.openAiBaseUrl(), "b=" + b.openAiBaseUrl());
        gateway = SwitchboardServer.start(engine);

        for (int i = 0; i < 20; i++) {
            if (i == 5) {
                a.close(); // no health check has noticed yet: the next request to it fails to connect
            }
            HttpResponse<String> response = post(gateway, "/v1/chat/completions", chat("n" + i, true));
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(sseText(response.body())).isEqualTo("You said: n" + i);
        }
        JsonNode down = json(get(gateway, "/health").body());
        assertThat(down.path("status").asText()).isEqualTo("ok"); // b is healthy
        assertThat(down.path("upstreams").path(0).path("status").asText()).isEqualTo("down");
        assertThat(down.path("upstreams").path(0).path("reason").asText()).startsWith("upstream 'a' is unreachable");

        a = SwitchboardServer.builder().engine(new ScriptedEngine()).port(portA).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!json(get(gateway, "/health").body()).path("upstreams").path(0).path("status").asText().equals("ok")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(post(gateway, "/v1/chat/completions", chat("back", true)).statusCode()).isEqualTo(200);
        }
        assertThat(a.stats().completedStreams()).as("streams answered by the recovered upstream").isPositive();
    }

    @Test
    void healthIs503WithTheReasonsWhenNoUpstreamIsHealthy() {
        SwitchboardServer gone = SwitchboardServer.start(new ScriptedEngine());
        String url = gone.openAiBaseUrl();
        gone.close();
        gateway = SwitchboardServer.start(Gateways.engine(Duration.ofHours(1), "gone=" + url));

        HttpResponse<String> health = get(gateway, "/health");
        HttpResponse<String> chat = post(gateway, "/v1/chat/completions", chat("hi", false));
        HttpResponse<String> ollama = post(gateway, "/api/chat", chat("hi", false));

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health.body()).path("reason").asText()).startsWith("no upstream is healthy: gone: upstream 'gone' is unreachable");
        assertThat(chat.statusCode()).isEqualTo(503);
        assertThat(json(chat.body()).path("error").path("message").asText())
                .startsWith("no healthy upstream serves model 'scripted': gone: upstream 'gone' is unreachable");
        assertThat(chat.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(ollama.statusCode()).isEqualTo(503);
        assertThat(json(ollama.body()).path("error").asText()).startsWith("no healthy upstream serves model 'scripted'");
    }

    @Test
    void anUpstreamThatDiesBetweenChecksIs502WithTheReason() {
        a = SwitchboardServer.start(new ScriptedEngine());
        gateway = SwitchboardServer.start(Gateways.engine(Duration.ofHours(1), "a=" + a.openAiBaseUrl()));
        a.close();

        HttpResponse<String> chat = post(gateway, "/v1/chat/completions", chat("hi", true));

        assertThat(chat.statusCode()).isEqualTo(502);
        assertThat(json(chat.body()).path("error").path("message").asText()).startsWith("upstream 'a' is unreachable");
        a = null;
    }
}
