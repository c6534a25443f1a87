package dev.switchboard.workshop.lessons.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson01Test extends LessonContract<Path> {

    @TempDir
    Path dir;

    @Override
    protected Lesson<Path> lesson() {
        return new Lesson01();
    }

    private Verdict check(String json, Endpoint endpoint) throws IOException {
        Path file = dir.resolve("chat-request.json");
        Files.writeString(file, json);
        return lesson().check(file, endpoint);
    }

    private static String findings(Verdict verdict) {
        return String.join("\n", verdict.findings());
    }

    @Test
    void theStarterSaysModelAndMessagesAreMissing(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().starter(), endpoint);

        assertThat(findings(verdict)).contains("no model: set \"model\"").contains("no messages: set \"messages\"");
    }

    @Test
    void notJsonSaysWhere(Endpoint endpoint) throws IOException {
        Verdict verdict = check("{\"model\": \"scripted\",\n \"messages\": [] ,}", endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("is not JSON").contains("at line 2");
    }

    @Test
    void aFilledModelWithMessagesStillTodoNamesOnlyTheMessages(Endpoint endpoint) throws IOException {
        Verdict verdict = check("{\"model\": \"scripted\", \"messages\": \"TODO\"}", endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).singleElement().asString().startsWith("no messages");
    }

    @Test
    void aStreamingBodyIsSentBackToStreamFalse(Endpoint endpoint) throws IOException {
        Verdict verdict = check("{\"model\": \"scripted\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("set \"stream\": false");
    }

    @Test
    void aWrongRoleIsNamed(Endpoint endpoint) throws IOException {
        Verdict verdict = check("{\"model\": \"scripted\", \"messages\": [{\"role\": \"human\", \"content\": \"hi\"}]}",
                endpoint);

        assertThat(findings(verdict)).contains("messages[0] has role 'human'");
    }

    @Test
    void aServerErrorIsReportedWithTheServersMessage(Endpoint endpoint, SwitchboardServer server) throws IOException {
        server.faults().forNextRequest(new Fault.Status(400, "messages: role must be one of system, user", null));

        Verdict verdict = check("{\"model\": \"scripted\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(findings(verdict)).contains("the server answered 400 with: \"messages: role must be one of system, user\"");
    }

    @Test
    void theSolutionsModelIsReplacedByTheEndpointsAndTheVerdictSaysSo(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().solution(), endpoint);

        assertThat(verdict.passed()).isTrue();
        assertThat(findings(verdict)).contains("your file names the model 'qwen3:0.6b'")
                .contains("so the check sent that");
    }

    @Test
    void nothingListeningIsSaidPlainly() throws IOException {
        Endpoint closed = Endpoint.builder().baseUrl("http://127.0.0.1:1/v1").chatModel("m").build();

        Verdict verdict = check("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", closed);

        assertThat(findings(verdict)).contains("nothing is listening");
    }
}
