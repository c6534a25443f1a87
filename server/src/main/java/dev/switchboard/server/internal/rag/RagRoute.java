package dev.switchboard.server.internal.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.wire.InboundChat;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.server.RagOptions;
import dev.switchboard.server.internal.ChatExchange;
import dev.switchboard.server.internal.ErrorReplies;
import dev.switchboard.server.internal.OpenAiFormat;
import dev.switchboard.server.internal.ServerContext;

/**
 * {@code POST /rag/chat/completions}: a {@code /v1/chat/completions} body, answered in its shape
 * (streaming or not) by the server's engine with passages from the {@link KnowledgeBase} added as
 * context. A stream begins with {@link RagOptions#waitingMessage()} as its own content chunk, sent
 * before retrieval starts; then the query (the last user message) is embedded and searched on a
 * worker thread, a system message naming each passage's file is put first, and the engine's answer
 * follows in the same stream. A non-streaming answer has no waiting message. A bad body is 400 in
 * the {@code /v1} envelope; a body without a user message too. Faults, back-pressure, cancellation
 * and stats are {@link ChatExchange}'s.
 */
public final class RagRoute {

    private final ServerContext server;
    private final KnowledgeBase knowledge;
    private final RagOptions options;
    private final AtomicInteger pendingRetrievals = new AtomicInteger();

    /**
     * @param knowledge the loaded knowledge base, or null when RAG is not configured (every request
     *                  is then 404 saying so)
     * @param options   the options it was loaded with, or null with it
     */
    public RagRoute(ServerContext server, KnowledgeBase knowledge, RagOptions options) {
        this.server = server;
        this.knowledge = knowledge;
        this.options = options;
    }

    /** Answers one request, on its event loop; {@code body} is the whole request body. */
    public void handle(HttpServerRequest request, Buffer body) {
        if (knowledge == null) {
            ErrorReplies.send(request.response(), request.path(), 404, "RAG is not configured on this server: start it"
                    + " with a knowledge directory (--rag-dir DIR, or SwitchboardServer.builder().rag(...))", null);
            return;
        }
        InboundChat inbound = ErrorReplies.readOr400(request, body, OpenAiWire::readChatRequest);
        if (inbound == null) {
            return;
        }
        String query = lastUserText(inbound.request());
        if (query == null) {
            ErrorReplies.send(request.response(), request.path(), 400,
                    "'messages' must hold a user message with text: it is the query to retrieve for", null);
            return;
        }
        long created = System.currentTimeMillis() / 1000;
        boolean includeUsage = inbound.includeUsage();
        RagEngine engine = new RagEngine(server, knowledge, query, inbound.stream() ? options.waitingMessage() : null,
                pendingRetrievals);
        ChatExchange.begin(server, engine, request, inbound.request(), inbound.stream(), (id, model) ->
                new OpenAiFormat(id, created, model, server.engine().reasoningShape(model), includeUsage));
    }

    /** The text of the last user message, or null when there is none with text. */
    static String lastUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.UserMessage user && user.content() != null
                    && !user.content().isBlank()) {
                return user.content();
            }
        }
        return null;
    }

    /**
     * {@code request} with a first system message holding the passages, each headed with its rank
     * and file name.
     */
    static ChatRequest withContext(ChatRequest request, List<KnowledgeBase.Hit> hits) {
        StringBuilder context = new StringBuilder("Answer with the help of these passages from the knowledge base."
                + " Name the file of a passage you use.\n");
        for (int i = 0; i < hits.size(); i++) {
            KnowledgeBase.Passage p = hits.get(i).passage();
            context.append("\n[").append(i + 1).append("] file: ").append(p.file()).append('\n').append(p.text())
                    .append('\n');
        }
        List<ChatMessage> messages = new ArrayList<>(request.messages().size() + 1);
        messages.add(ChatMessage.system(context.toString()));
        messages.addAll(request.messages());
        return request.toBuilder().messages(messages).build();
    }
}
