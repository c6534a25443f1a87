package dev.switchboard.workshop.lessons.lesson06;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ModelInfo;

/**
 * The client lesson 6's check hands to the learner's loop: it passes every {@link #chat} on and keeps
 * each request and its response, so the check can see what went over the wire.
 */
final class RecordingClient implements LlmClient {

    /** One round trip. */
    record Exchange(ChatRequest request, ChatResponse response) {
    }

    private final LlmClient delegate;
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordingClient(LlmClient delegate) {
        this.delegate = delegate;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatResponse response = delegate.chat(request);
        exchanges.add(new Exchange(request, response));
        return response;
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        throw new UnsupportedOperationException("lesson 6 looks at client.chat(...): use chat, not stream, in run()");
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        return delegate.embed(request);
    }

    @Override
    public List<ModelInfo> models() {
        return delegate.models();
    }

    @Override
    public dev.switchboard.core.CompletionResponse complete(dev.switchboard.core.CompletionRequest request) {
        return delegate.complete(request);
    }

    @Override
    public dev.switchboard.core.ChatStream streamCompletion(dev.switchboard.core.CompletionRequest request) {
        return delegate.streamCompletion(request);
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
