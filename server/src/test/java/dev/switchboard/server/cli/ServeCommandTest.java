package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

@Timeout(120)
class ServeCommandTest {

    @Test
    void theDemoModelIsServedWithAnApiKeyAndSaysItIsRandom() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new CommandLine(new ServeCommand(out, stop))
                .execute("--demo-model", "--port", "0", "--api-key", "secret"));
        String baseUrl = awaitBaseUrl(bytes);
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":4}";

        HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Authorization", "Bearer secret")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl.replace("/v1", "/health")))
                .build(), HttpResponse.BodyHandlers.ofString());
        stop.countDown();

        assertThat(health.statusCode()).as("/health needs no key").isEqualTo(200);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("Invalid API Key");
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).contains("\"completion_tokens\":4");
        assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("random weights — text is not meaningful")
                .contains("switchboard-demo");
    }

    @Test
    void theKeyComesFromAFileOrAnEnvironmentVariableAndIsNeverPrinted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("key");
        java.nio.file.Files.writeString(file, "sk-from-file-7731\n");
        for (String[] args : new String[][] {
                {"--demo-model", "--port", "0", "--api-key-file", file.toString()},
                {"--demo-model", "--port", "0", "--api-key-env", "MY_KEY"},
                {"--demo-model", "--port", "0", "--api-key", "sk-from-file-7731"}}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            CountDownLatch stop = new CountDownLatch(1);
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new CommandLine(
                    new ServeCommand(out, stop, java.util.Map.of("MY_KEY", "sk-from-file-7731"))).execute(args));
            String baseUrl = awaitBaseUrl(bytes);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/models"))
                    .header("Authorization", "Bearer sk-from-file-7731").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            stop.countDown();

            assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(with.statusCode()).as(String.join(" ", args)).isEqualTo(200);
            assertThat(without.statusCode()).isEqualTo(401);
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).as("printed with " + args[3]).doesNotContain("sk-from-file-7731")
                    .contains("Authorization: Bearer $SWITCHBOARD_API_KEY");
        }
    }

    @Test
    void aMissingKeySourceIsAnErrorThatNamesTheSourceNotTheKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new CommandLine(new ServeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CountDownLatch(1), java.util.Map.of())).execute("--demo-model", "--api-key-env", "NO_SUCH_VAR");

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("NO_SUCH_VAR");
    }

    @Test
    void aModelThatCannotBeLoadedExitsWith3AndTheReason() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new CommandLine(new ServeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CountDownLatch(1))).execute("--model", "no/such/model.gguf");

        assertThat(status).isEqualTo(3);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("error: model could not be loaded")
                .contains("no such file");
    }

    @Test
    void aMissingRagDirectoryExitsWith2AndTheReason() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new CommandLine(new ServeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new CountDownLatch(1))).execute("--demo-model", "--port", "0", "--rag-dir", "no/such/knowledge");

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("error: RAG knowledge directory")
                .contains("does not exist");
    }

    @Test
    void modelAndDemoModelTogetherIsAUsageError() {
        CommandLine command = new CommandLine(new ServeCommand(System.out, new CountDownLatch(1)));
        command.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));
        assertThat(command.execute("--model", "x.gguf", "--demo-model")).isEqualTo(2);
    }

    private static String awaitBaseUrl(ByteArrayOutputStream bytes) throws InterruptedException {
        Pattern url = Pattern.compile("OpenAI-compatible base URL: (\\S+)");
        for (int i = 0; i < 600; i++) {
            Matcher m = url.matcher(bytes.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the command printed no URL: " + bytes.toString(StandardCharsets.UTF_8));
    }
}
