package dev.switchboard.workshop.lessons.lesson02;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Gap;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 2, raw HTTP in Java: the learner completes {@link StreamingChat} (OkHttp and an SSE
 * reader). The check streams one answer from the endpoint and passes when more than one delta
 * arrived, they join to a non-blank answer (the one returned), and the call ended at
 * {@code data: [DONE]} ({@code listener.done()} called once, after the last token); then it asks
 * for a made-up model and wants an {@link IOException} that names the status (a server that
 * answers any model name, as llama-server does, is noted and not held against the learner). A
 * call that does not end within the check's timeout fails with what that usually means.
 */
public final class Lesson02 implements Lesson<ChatStreamer> {

    /** The model name the check asks for to see a non-2xx; no server has it. */
    static final String NO_SUCH_MODEL = "switchboard-workshop-no-such-model";

    private static final String PROMPT = "Count from one to ten in words.";

    private final Duration timeout;

    /** The lesson, each call given 5 minutes (a local model may load first). */
    public Lesson02() {
        this(Duration.ofMinutes(5));
    }

    /** The lesson, each call given {@code timeout} before the check gives up on it. */
    public Lesson02(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "Raw HTTP in Java";
    }

    @Override
    public ChatStreamer starter() {
        return new StreamingChat();
    }

    @Override
    public ChatStreamer solution() {
        return new dev.switchboard.workshop.lessons.lesson02.solution.StreamingChat();
    }

    /** What one call did. */
    private static final class Seen implements ChatStreamer.Listener {
        final List<String> tokens = new ArrayList<>();
        int done;
        int tokensAfterDone;

        @Override
        public synchronized void token(String text) {
            tokens.add(text);
            if (done > 0) {
                tokensAfterDone++;
            }
        }

        @Override
        public synchronized void done() {
            done++;
        }
    }

    @Override
    public Verdict check(ChatStreamer work, Endpoint endpoint) {
        Seen seen = new Seen();
        String answer;
        try {
            answer = call(() -> work.stream(endpoint.baseUrl(), endpoint.apiKeyOrPlaceholder(), endpoint.chatModel(),
                    PROMPT, seen));
        } catch (TimeoutException e) {
            return Verdict.failed("the call did not end within " + seconds() + " s (" + seen.tokens.size()
                    + " deltas arrived, listener.done() " + (seen.done > 0 ? "was" : "was not") + " called): does"
                    + " handleLine() return true at data: [DONE]? If the tokens came all at once at the end, or"
                    + " none came, a proxy between you and the server may buffer the stream");
        } catch (Throwable e) {
            return Verdict.failed(Explain.exception(e));
        }
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        String joined = String.join("", seen.tokens);
        if (seen.tokens.size() > 1) {
            findings.add(seen.tokens.size() + " deltas arrived, one listener.token() call each");
        } else {
            passed = false;
            findings.add(seen.tokens.size() + " delta(s) arrived: a streamed answer comes in many data: lines;"
                    + " give each non-empty choices[0].delta.content to listener.token()");
        }
        if (joined.isBlank()) {
            passed = false;
            findings.add("the deltas join to no text: read choices[0].delta.content (not message.content)");
        } else if (!joined.equals(answer)) {
            passed = false;
            findings.add("stream() returned something other than the deltas joined: append each token to the"
                    + " answer you return");
        } else {
            findings.add("they join to the answer stream() returned (" + joined.length() + " characters)");
        }
        if (seen.done == 1 && seen.tokensAfterDone == 0) {
            findings.add("the call ended at data: [DONE]");
        } else {
            passed = false;
            findings.add(seen.done == 0 ? "stream() returned without listener.done(): call it when the line is"
                    + " data: [DONE], and return there" : "listener.done() was called " + seen.done
                    + " time(s) or before the last token: call it once, at data: [DONE], and return");
        }
        if (!passed) {
            return new Verdict(false, findings);
        }
        String refused = nonSuccess(work, endpoint);
        findings.add(refused);
        return new Verdict(!refused.startsWith("✗"), findings.stream().map(f -> f.replaceFirst("^✗ ", "")).toList());
    }

    /** What the learner's code does with a model the server does not have; starts with ✗ when wrong. */
    private String nonSuccess(ChatStreamer work, Endpoint endpoint) {
        try {
            call(() -> work.stream(endpoint.baseUrl(), endpoint.apiKeyOrPlaceholder(), NO_SUCH_MODEL, PROMPT,
                    new Seen()));
            return "a made-up model name was answered anyway (llama-server serves its one model under any name),"
                    + " so the check could not see your non-2xx handling";
        } catch (TimeoutException e) {
            return "✗ asked for the made-up model '" + NO_SUCH_MODEL + "', the call did not end within "
                    + seconds() + " s";
        } catch (Throwable e) {
            Throwable cause = e;
            if (cause instanceof Gap || cause.getCause() instanceof Gap) {
                return "✗ " + Explain.exception(e);
            }
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof IOException && message.matches("(?s).*\\b4\\d\\d\\b.*")) {
                return "a made-up model name failed with the status in the message: " + abbreviate(message);
            }
            return "✗ asked for the made-up model '" + NO_SUCH_MODEL + "', your code threw "
                    + cause.getClass().getSimpleName() + ": " + abbreviate(message) + " — throw an IOException"
                    + " holding the status (response.code()) and the body (response.body().string())";
        }
    }

    private interface Call {
        String run() throws Exception;
    }

    /** Runs the learner's call on its own thread, for at most {@link #timeout}. */
    private String call(Call call) throws Throwable {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lesson02-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> result = thread.submit(call::run);
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } finally {
            thread.shutdownNow();
        }
    }

    /** The timeout in seconds, e.g. {@code 300} or {@code 1.5}. */
    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
