package dev.switchboard.workshop;

import java.util.List;

import dev.switchboard.examples.langchain4j.OllamaAgentLoop;
import dev.switchboard.examples.langchain4j.OllamaMultiTurnChat;
import dev.switchboard.examples.langchain4j.OllamaNonStreamingChat;
import dev.switchboard.examples.rawhttp.OllamaEmbeddings;
import dev.switchboard.examples.rawhttp.OllamaStreamingChat;

/**
 * The matrix rows of the examples a reader copies: every style's own scenario classes, both
 * flavours where the style has two. Each cell calls the exact method of that file.
 */
final class ExampleRows {

    private ExampleRows() {
    }

    /** The rows, in the order the tour runs them. */
    static List<StyleTour> all() {
        return List.of(
                new ExampleTour("raw-http examples", false,
                        dev.switchboard.examples.rawhttp.NonStreamingChat::run,
                        dev.switchboard.examples.rawhttp.StreamingChat::run,
                        dev.switchboard.examples.rawhttp.MultiTurnChat::run,
                        dev.switchboard.examples.rawhttp.AgentLoop::run,
                        dev.switchboard.examples.rawhttp.Embeddings::run),
                new ExampleTour("raw-http Ollama /api examples", true,
                        (url, key, model, prompt) ->
                                dev.switchboard.examples.rawhttp.OllamaNonStreamingChat.run(url, model, prompt),
                        (url, key, model, prompt, onToken) -> OllamaStreamingChat.run(url, model, prompt, onToken),
                        (url, key, model, onReply) ->
                                dev.switchboard.examples.rawhttp.OllamaMultiTurnChat.run(url, model, onReply),
                        (url, key, model, question, onStep) ->
                                dev.switchboard.examples.rawhttp.OllamaAgentLoop.run(url, model, question, onStep),
                        (url, key, model, texts) -> OllamaEmbeddings.run(url, model, texts)),
                new ExampleTour("openai-java examples", false,
                        dev.switchboard.examples.openaijava.NonStreamingChat::run,
                        dev.switchboard.examples.openaijava.StreamingChat::run,
                        dev.switchboard.examples.openaijava.MultiTurnChat::run,
                        dev.switchboard.examples.openaijava.AgentLoop::run,
                        dev.switchboard.examples.openaijava.Embeddings::run),
                new ExampleTour("langchain4j examples", false,
                        dev.switchboard.examples.langchain4j.NonStreamingChat::run,
                        dev.switchboard.examples.langchain4j.StreamingChat::run,
                        dev.switchboard.examples.langchain4j.MultiTurnChat::run,
                        dev.switchboard.examples.langchain4j.AgentLoop::run,
                        dev.switchboard.examples.langchain4j.Embeddings::run),
                new ExampleTour("langchain4j Ollama examples", true,
                        (url, key, model, prompt) -> OllamaNonStreamingChat.run(url, model, prompt),
                        (url, key, model, prompt, onToken) ->
                                dev.switchboard.examples.langchain4j.OllamaStreamingChat.run(url, model, prompt, onToken),
                        (url, key, model, onReply) -> OllamaMultiTurnChat.run(url, model, onReply),
                        (url, key, model, question, onStep) -> OllamaAgentLoop.run(url, model, question, onStep),
                        (url, key, model, texts) ->
                                dev.switchboard.examples.langchain4j.OllamaEmbeddings.run(url, model, texts)),
                new ExampleTour("spring-ai examples", false,
                        dev.switchboard.examples.springai.NonStreamingChat::run,
                        dev.switchboard.examples.springai.StreamingChat::run,
                        dev.switchboard.examples.springai.MultiTurnChat::run,
                        dev.switchboard.examples.springai.AgentLoop::run,
                        dev.switchboard.examples.springai.Embeddings::run),
                new ExampleTour("spring-ai Ollama examples", true,
                        (url, key, model, prompt) ->
                                dev.switchboard.examples.springai.OllamaNonStreamingChat.run(url, model, prompt),
                        (url, key, model, prompt, onToken) ->
                                dev.switchboard.examples.springai.OllamaStreamingChat.run(url, model, prompt, onToken),
                        (url, key, model, onReply) ->
                                dev.switchboard.examples.springai.OllamaMultiTurnChat.run(url, model, onReply),
                        (url, key, model, question, onStep) ->
                                dev.switchboard.examples.springai.OllamaAgentLoop.run(url, model, question, onStep),
                        (url, key, model, texts) ->
                                dev.switchboard.examples.springai.OllamaEmbeddings.run(url, model, texts)));
    }
}
