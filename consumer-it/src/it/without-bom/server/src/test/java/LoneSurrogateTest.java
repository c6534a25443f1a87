import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The server on the classpath a user's build resolves for switchboard-server: with jackson-core 2.18.2
 * (through vertx-core) beside jackson-databind 2.21.2 it answered "a\uD800b" as "a\uD800\uDC62"
 * (U+10062), joining a lone surrogate to the next character.
 */
class LoneSurrogateTest {

    @Test
    void loneSurrogatesAreEchoedUnchanged() throws Exception {
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            String body = "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\ud800b \\udc00 c\"}]}";
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.openAiBaseUrl() + "/chat/completions"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // JSON cannot carry a lone surrogate raw: it must come back escaped, each on its own.
            String answer = response.body().toLowerCase(Locale.ROOT);
            assertTrue(answer.contains("\"content\":\"you said: a\\ud800b \\udc00 c\""), response.body());
        }
    }
}
