package dev.switchboard.workshop.lessons.lesson05;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.chat.client.ChatClient;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Gap;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;
import reactor.core.publisher.Flux;

/**
 * Lesson 5, Spring AI. The check builds the learner's {@code ChatClient}, asks one question with
 * {@code .call().content()} (the answer must not be blank) and one with {@code .stream().content()}
 * (more than one non-empty piece). When the learner's {@code ChatClient} is not done yet, it tries
 * their {@code ask} and {@code stream} on one of its own, so every open gap is reported at once. The
 * Boot application's SSE endpoint is tried by hand (the lesson's Markdown says how), not checked.
 */
public final class Lesson05 implements Lesson<SpringAiWork> {

    /** What the check asks without streaming. */
    static final String QUESTION = "In one sentence, what is an HTTP server-sent event stream?";
    /** What the check asks with streaming: an answer long enough to come in several pieces. */
    static final String STREAM_QUESTION = "Count from one to ten in words.";

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "Spring AI: ChatClient, then the Boot application's SSE endpoint";
    }

    @Override
    public SpringAiWork starter() {
        return new SpringAiChat();
    }

    @Override
    public SpringAiWork solution() {
        return new dev.switchboard.workshop.lessons.lesson05.solution.SpringAiChat();
    }

    @Override
    public Verdict check(SpringAiWork work, Endpoint endpoint) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();

        ChatClient client;
        String via = "";
        try {
            client = work.chatClient(endpoint);
            if (client == null) {
                throw new Gap("SpringAiChat.chatClient returned null: return the ChatClient you built");
            }
            passed.add("ChatClient: built over an OpenAiChatModel on " + Endpoint.redactUrl(endpoint.baseUrl()));
        } catch (RuntimeException e) {
            failed.add("ChatClient: " + Explain.exception(e));
            client = solution().chatClient(endpoint);
            via = " (tried on the check's own ChatClient, since yours is not ready)";
        }

        try {
            String answer = work.ask(client, QUESTION);
            if (answer == null || answer.isBlank()) {
                failed.add("call: the answer was empty" + via + ": return .call().content()");
            } else {
                passed.add("call: an answer of " + answer.length() + " characters" + via);
            }
        } catch (RuntimeException e) {
            failed.add("call: " + Explain.exception(e) + (e instanceof Gap ? "" : via));
        }

        try {
            Flux<String> pieces = work.stream(client, STREAM_QUESTION);
            if (pieces == null) {
                throw new Gap("SpringAiChat.stream returned null: return .stream().content()");
            }
            // the wait for the whole stream: generous, since a local model may first load
            Duration limit = endpoint.readTimeout().multipliedBy(2);
            List<String> received = pieces.onBackpressureBuffer().filter(piece -> !piece.isEmpty())
                    .collectList().block(limit);
            int count = received == null ? 0 : received.size();
            if (count < 2) {
                failed.add("stream: the Flux gave " + count + " piece(s)" + via + "; a streamed answer comes in "
                        + "many: return .stream().content(), not the whole answer wrapped in Flux.just(...)");
            } else {
                passed.add("stream: " + count + " pieces, " + String.join("", received).length() + " characters"
                        + via);
            }
        } catch (RuntimeException e) {
            failed.add("stream: " + Explain.exception(e) + (e instanceof Gap ? "" : via));
        }

        // a failed verdict's lines are all printed with a cross, so it lists only what is still wrong
        return failed.isEmpty() ? new Verdict(true, passed) : new Verdict(false, failed);
    }
}
