package dev.switchboard.workshop.lessons.lesson03;

import java.util.ArrayList;
import java.util.List;

import com.openai.client.OpenAIClient;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Gap;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 3, the official SDK (openai-java). The check builds the learner's client, asks one
 * question without streaming (the answer must not be blank) and one with streaming (more than one
 * non-empty delta). When the learner's client is not done yet, the check still tries their
 * {@code ask} and {@code stream} on a client of its own, so every open gap is reported at once.
 */
public final class Lesson03 implements Lesson<SdkWork> {

    /** What the check asks without streaming. */
    static final String QUESTION = "In one sentence, what is an HTTP server-sent event stream?";
    /** What the check asks with streaming: an answer long enough to come in several deltas. */
    static final String STREAM_QUESTION = "Count from one to ten in words.";

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "The official SDK (openai-java)";
    }

    @Override
    public SdkWork starter() {
        return new SdkChat();
    }

    @Override
    public SdkWork solution() {
        return new dev.switchboard.workshop.lessons.lesson03.solution.SdkChat();
    }

    @Override
    public Verdict check(SdkWork work, Endpoint endpoint) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String model = endpoint.chatModel();

        OpenAIClient client;
        boolean ownClient = false;
        try {
            client = work.client(endpoint);
            if (client == null) {
                throw new Gap("SdkChat.client returned null: return the client you built");
            }
            passed.add("client: built with the base URL " + Endpoint.redactUrl(endpoint.baseUrl()));
        } catch (RuntimeException e) {
            failed.add("client: " + Explain.exception(e));
            client = new dev.switchboard.workshop.lessons.lesson03.solution.SdkChat().client(endpoint);
            ownClient = true;
        }
        String via = ownClient ? " (tried on the check's own client, since yours is not ready)" : "";
        try {
            try {
                String answer = work.ask(client, model, QUESTION);
                if (answer == null || answer.isBlank()) {
                    failed.add("non-streaming: the answer was empty" + via
                            + ": return choices().get(0).message().content().orElse(\"\")");
                } else {
                    passed.add("non-streaming: an answer of " + answer.length() + " characters" + via);
                }
            } catch (RuntimeException e) {
                failed.add("non-streaming: " + Explain.exception(e) + (e instanceof Gap ? "" : via));
            }
            try {
                List<String> deltas = new ArrayList<>();
                String joined = work.stream(client, model, STREAM_QUESTION, deltas::add);
                if (deltas.size() < 2) {
                    failed.add("streaming: onDelta was called " + deltas.size() + " time(s)" + via
                            + "; a streamed answer comes in many deltas: call onDelta once per non-empty "
                            + "delta().content() of each chunk, as it arrives (not once at the end)");
                } else if (joined == null || !joined.equals(String.join("", deltas))) {
                    failed.add("streaming: " + deltas.size() + " deltas arrived, but stream() did not return "
                            + "them joined" + via + ": append each delta to the answer you return");
                } else {
                    passed.add("streaming: " + deltas.size() + " deltas, " + joined.length() + " characters" + via);
                }
            } catch (RuntimeException e) {
                failed.add("streaming: " + Explain.exception(e) + (e instanceof Gap ? "" : via));
            }
        } finally {
            try {
                client.close();
            } catch (RuntimeException e) {
                failed.add("closing the client: " + Explain.exception(e));
            }
        }
        // a failed verdict's lines are all printed with a cross, so it lists only what is still wrong
        return failed.isEmpty() ? new Verdict(true, passed) : new Verdict(false, failed);
    }
}
