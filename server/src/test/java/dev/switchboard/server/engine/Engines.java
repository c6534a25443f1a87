package dev.switchboard.server.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;

/** Calls an engine directly, without HTTP. */
final class Engines {

    private Engines() {
    }

    /** Every event of one answer, waiting up to 60 s for it to complete; an engine error is rethrown. */
    static List<ChatEvent> collect(Engine engine, ChatRequest request) {
        List<ChatEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.chat(request, new EngineSink() {
            @Override
            public void onEvent(ChatEvent event) {
                events.add(event);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
