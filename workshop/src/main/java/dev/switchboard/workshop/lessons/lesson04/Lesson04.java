package dev.switchboard.workshop.lessons.lesson04;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Gap;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 4, LangChain4j: both flavours and an AI Service. The check asks one question through the
 * learner's {@code OpenAiChatModel} (the answer must not be blank), one through their
 * {@code OllamaChatModel} where the endpoint serves Ollama's native {@code /api} (elsewhere that part
 * is "n/a", not failed), and one through their AI Service over a chat model of the check's own that
 * records what LangChain4j sends: the answer must not be blank and the request must carry a system
 * message.
 *
 * <p>Whether the endpoint serves {@code /api}: the check only has an {@link Endpoint}, not the tour's
 * {@code TourEndpoint.ollama()} (which the resolution decides from {@code GET {rootUrl}/} answering
 * "Ollama is running"), so it probes {@code GET {rootUrl}/api/tags} itself: native when that answers
 * 200 with a {@code "models"} field.
 */
public final class Lesson04 implements Lesson<LangChain4jWork> {

    /** What the check asks each part. */
    static final String QUESTION = "In one sentence, what is an HTTP server-sent event stream?";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "LangChain4j: both flavours and an AI Service";
    }

    @Override
    public LangChain4jWork starter() {
        return new LangChain4jChat();
    }

    @Override
    public LangChain4jWork solution() {
        return new dev.switchboard.workshop.lessons.lesson04.solution.LangChain4jChat();
    }

    @Override
    public Verdict check(LangChain4jWork work, Endpoint endpoint) {
        return check(work, endpoint, servesOllamaApi(endpoint.rootUrl()));
    }

    /** The check, told whether the endpoint serves Ollama's native {@code /api}. */
    Verdict check(LangChain4jWork work, Endpoint endpoint, boolean ollamaApi) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();

        try {
            ChatModel model = work.openAi(endpoint);
            String answer = requireModel(model, "openAi").chat(QUESTION);
            record(passed, failed, "OpenAI-compatible (OpenAiChatModel on " + Endpoint.redactUrl(endpoint.baseUrl()) + ")", answer);
        } catch (RuntimeException e) {
            failed.add("OpenAI-compatible: " + Explain.exception(e));
        }

        String rootUrl = endpoint.rootUrl();
        if (ollamaApi) {
            try {
                ChatModel model = work.ollama(endpoint);
                String answer = requireModel(model, "ollama").chat(QUESTION);
                record(passed, failed, "Ollama-native (OllamaChatModel on " + rootUrl + ")", answer);
            } catch (RuntimeException e) {
                failed.add("Ollama-native: " + Explain.exception(e)
                        + (e instanceof Gap ? "" : "; the base URL of OllamaChatModel is the root, " + rootUrl
                                + ", without /v1"));
            }
        } else {
            passed.add("Ollama-native: n/a, not failed — GET " + rootUrl + "/api/tags did not answer as Ollama"
                    + " does, so this server has no native /api to try your OllamaChatModel on; try it against"
                    + " a local Ollama");
        }

        Recorder recorder = new Recorder(new dev.switchboard.workshop.lessons.lesson04.solution.LangChain4jChat()
                .openAi(endpoint));
        try {
            String answer = work.askAssistant(recorder, QUESTION);
            boolean system = recorder.sentSystemMessage();
            if (recorder.requests.isEmpty()) {
                failed.add("AI Service: nothing was sent through the model given to askAssistant: build the "
                        + "AI Service with .chatModel(model), the model the check passes in");
            } else if (!system) {
                failed.add("AI Service: the request had no system message: put @SystemMessage(\"...\") on "
                        + "Assistant.chat, so LangChain4j sends {\"role\":\"system\", ...} first");
            } else {
                record(passed, failed, "AI Service (with a system message)", answer);
            }
        } catch (RuntimeException e) {
            failed.add("AI Service: " + Explain.exception(e));
        }

        // a failed verdict's lines are all printed with a cross, so it lists only what is still wrong
        return failed.isEmpty() ? new Verdict(true, passed) : new Verdict(false, failed);
    }

    private static ChatModel requireModel(ChatModel model, String method) {
        if (model == null) {
            throw new Gap("LangChain4jChat." + method + " returned null: return the model you built");
        }
        return model;
    }

    private static void record(List<String> passed, List<String> failed, String part, String answer) {
        if (answer == null || answer.isBlank()) {
            failed.add(part + ": the answer was empty");
        } else {
            passed.add(part + ": an answer of " + answer.length() + " characters");
        }
    }

    /**
     * Whether {@code GET {rootUrl}/api/tags} answers 200 with a {@code "models"} field, as Ollama (and
     * Switchboard's server) do, within two seconds.
     */
    static boolean servesOllamaApi(String rootUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rootUrl + "/api/tags"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"models\"");
        } catch (IOException | IllegalArgumentException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A chat model that records each request LangChain4j sends through it, then passes it on. */
    static final class Recorder implements ChatModel {
        private final ChatModel delegate;
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        Recorder(ChatModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            requests.add(request);
            return delegate.chat(request);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            return delegate.chat(request);
        }

        boolean sentSystemMessage() {
            for (ChatRequest request : requests) {
                for (ChatMessage message : request.messages()) {
                    if (message instanceof SystemMessage system && !system.text().isBlank()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
