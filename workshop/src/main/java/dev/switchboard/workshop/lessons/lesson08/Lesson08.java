package dev.switchboard.workshop.lessons.lesson08;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.server.fault.Faults;
import dev.switchboard.testkit.LlmEndpointExtension;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Gap;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 8, testing LLM code: the learner completes {@link RetryingChat} (a 429 retried once, after
 * the server's {@code Retry-After}) and {@link RetryingChatSpec}, its test as a plain method. The
 * check runs the code once against the resolved endpoint (an answer, no wait), then against an
 * embedded scripted server of its own with injected faults: one 429 with {@code Retry-After: 2}
 * (an answer after one 2 s wait), one 429 without (one 1 s wait), two 429s (the second
 * {@link RateLimitedException} reaches the caller after one wait), a 500 and a 401 (to the caller at
 * once, no wait). The waits are recorded, never slept. Then it runs the learner's spec on the
 * reference code (it must pass) and on two broken versions, one that does not retry and one that
 * retries without waiting (it must throw {@link AssertionError} on both): a test that cannot fail
 * tests nothing.
 */
public final class Lesson08 implements Lesson<Work> {

    private static final String QUESTION = "Why is the sky blue? Answer in one sentence.";

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String title() {
        return "Testing LLM code";
    }

    @Override
    public Work starter() {
        return new Work(new RetryingChat(), new RetryingChatSpec());
    }

    @Override
    public Work solution() {
        return new Work(new dev.switchboard.workshop.lessons.lesson08.solution.RetryingChat(),
                new dev.switchboard.workshop.lessons.lesson08.solution.RetryingChatSpec());
    }

    /** What one run of the code did: its answer or what it threw, and the waits it asked for. */
    private record Run(String answer, Throwable thrown, List<Duration> waits) {
    }

    private static Run run(Asking code, Endpoint endpoint) {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (LlmClient client = LlmClients.create("raw-http", endpoint)) {
            return new Run(code.ask(client, QUESTION, waits::add), null, List.copyOf(waits));
        } catch (RuntimeException | AssertionError e) {
            return new Run(null, e, List.copyOf(waits));
        }
    }

    @Override
    public Verdict check(Work work, Endpoint endpoint) {
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        Run plain = run(work.code(), endpoint);
        if (plain.thrown() != null) {
            return Verdict.failed("asking the endpoint with no fault failed: " + Explain.exception(plain.thrown()));
        }
        if (plain.answer() == null || plain.answer().isBlank() || !plain.waits().isEmpty()) {
            return Verdict.failed("with no fault, ask() should return the answer's text at once; it returned '"
                    + plain.answer() + "' after waits " + plain.waits());
        }
        findings.add("with no fault: an answer, no wait");
        try (SwitchboardServer server = SwitchboardServer.start(new ScriptedEngine())) {
            Endpoint scripted = LlmEndpointExtension.endpointFor(server);
            Faults faults = server.faults();
            for (Scenario scenario : scenarios()) {
                faults.clear();
                scenario.faults().forEach(faults::forNextRequest);
                String problem = scenario.judge(run(work.code(), scripted));
                if (problem == null) {
                    findings.add(scenario.name() + ": " + scenario.expected());
                } else {
                    passed = false;
                    findings.add(problem.startsWith("not done yet") ? problem : scenario.name() + ": " + problem);
                }
            }
            if (!passed) {
                return new Verdict(false, findings);
            }
            List<String> spec = spec(work.spec(), scripted, faults);
            for (String line : spec) {
                if (line.startsWith("✗ ")) {
                    passed = false;
                    findings.add(line.substring(2));
                } else {
                    findings.add(line);
                }
            }
        }
        return new Verdict(passed, findings);
    }

    /** One fault situation and what the code must do in it. */
    private record Scenario(String name, List<Fault> faults, String expected, Judge judge) {
        String judge(Run run) {
            if (run.thrown() instanceof Gap || (run.thrown() != null && run.thrown().getCause() instanceof Gap)) {
                return Explain.exception(run.thrown());
            }
            return judge.problem(run);
        }
    }

    private interface Judge {
        /** Null when the run did what the scenario asks, else what is wrong. */
        String problem(Run run);
    }

    private static List<Scenario> scenarios() {
        Fault rateLimited2s = new Fault.Status(429, "slow down", Duration.ofSeconds(2));
        Fault rateLimited = new Fault.Status(429, "slow down", null);
        return List.of(
                new Scenario("one 429 with Retry-After: 2", List.of(rateLimited2s),
                        "one wait of 2 s, then the answer", run -> answeredAfter(run, Duration.ofSeconds(2))),
                new Scenario("one 429 without Retry-After", List.of(rateLimited),
                        "one wait of 1 s, then the answer", run -> answeredAfter(run, Duration.ofSeconds(1))),
                new Scenario("two 429s", List.of(rateLimited2s, rateLimited2s),
                        "the second RateLimitedException reached the caller after one wait", run ->
                        run.thrown() instanceof RateLimitedException && run.waits().size() == 1 ? null
                                : "expected one wait and then the second RateLimitedException thrown to the caller"
                                        + " (retry once, not forever); got " + describe(run)),
                new Scenario("a 500", List.of(new Fault.Status(500, "model crashed", null)),
                        "the error reached the caller at once, no wait", run -> atOnce(run, 500)),
                new Scenario("a 401", List.of(new Fault.Status(401, "invalid api key", null)),
                        "the error reached the caller at once, no wait", run -> atOnce(run, 401)));
    }

    private static String answeredAfter(Run run, Duration wait) {
        if (run.thrown() != null) {
            return "expected a wait and a second try, but ask() threw " + Explain.exception(run.thrown())
                    + " — catch RateLimitedException and ask once more";
        }
        if (!run.waits().equals(List.of(wait))) {
            return "expected exactly one wait of " + wait.toSeconds() + " s (e.retryAfter(), or 1 s when the server"
                    + " sent none) through the sleeper, got " + run.waits();
        }
        return run.answer() == null || run.answer().isBlank() ? "no answer after the retry" : null;
    }

    private static String atOnce(Run run, int status) {
        if (!run.waits().isEmpty()) {
            return "a " + status + " was waited on and retried (" + run.waits() + "): retry only RateLimitedException;"
                    + " a retried generation is a whole new generation";
        }
        if (run.thrown() == null) {
            return "expected the " + status + " to reach the caller, but ask() returned '" + run.answer() + "'";
        }
        if (run.thrown() instanceof RateLimitedException || !(run.thrown() instanceof RuntimeException)) {
            return "expected the " + status + " itself, got " + describe(run);
        }
        return null;
    }

    private static String describe(Run run) {
        return (run.thrown() == null ? "the answer '" + run.answer() + "'" : run.thrown().getClass().getSimpleName()
                + ": " + run.thrown().getMessage()) + " after waits " + run.waits();
    }

    /** The learner's spec on good code and on two broken ones; a line starting "✗ " is a failure. */
    private static List<String> spec(RetrySpec spec, Endpoint endpoint, Faults faults) {
        List<String> lines = new ArrayList<>();
        Asking good = new dev.switchboard.workshop.lessons.lesson08.solution.RetryingChat();
        Asking noRetry = (client, question, sleeper) -> client.chat(ChatRequest.builder().user(question).build())
                .text();
        Asking noWait = (client, question, sleeper) -> good.ask(client, question, wait -> { });
        String onGood = runSpec(spec, good, endpoint, faults);
        if (onGood != null) {
            lines.add(onGood.startsWith("not done yet") ? "✗ " + onGood
                    : "✗ your spec fails on the reference RetryingChat: " + onGood);
            return lines;
        }
        lines.add("your spec passes on the reference RetryingChat");
        Map<String, Asking> broken = new LinkedHashMap<>();
        broken.put("one that does not retry", noRetry);
        broken.put("one that retries without waiting", noWait);
        broken.forEach((name, code) -> {
            String result = runSpec(spec, code, endpoint, faults);
            if (result == null) {
                lines.add("✗ your spec passes on a broken RetryingChat, " + name + ": assert the answer and"
                        + " the recorded waits, exactly one of the server's Retry-After");
            } else {
                lines.add("your spec catches " + name + " (" + result + ")");
            }
        });
        return lines;
    }

    /** Null when the spec passed, else what it threw. */
    private static String runSpec(RetrySpec spec, Asking code, Endpoint endpoint, Faults faults) {
        faults.clear();
        try {
            spec.retriesA429OnceAfterRetryAfter(code, endpoint, faults);
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (Exception e) {
            return Explain.exception(e);
        } finally {
            faults.clear();
        }
    }
}
