package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.SERVER_NOTICES_WITHIN;
import static dev.switchboard.testkit.ContractFixtures.awaitAtMost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.server.SwitchboardServer;

/**
 * The root of {@link LlmClientContract}'s class chain: the state every case uses (endpoint, server,
 * client), the per-case set-up and leak check, and the helpers the topic classes share. The topic
 * classes extend it one after another ({@link ChatStreamingCases}, {@link ConversationCases},
 * {@link EmbeddingCases}, {@link ErrorCases}, {@link BrokenStreamCases}, {@link CompletionCases}), and
 * {@link LlmClientContract} extends the last, so each case is declared once and runs once per
 * style. Package-private: a style extends {@link LlmClientContract}, never a part of it. The
 * {@link Endpoint} and {@link SwitchboardServer} come from {@link LlmEndpointExtension},
 * registered on {@link LlmClientContract}.
 */
abstract class ContractCase {

    /** The read timeout used by the timeout cases; the server stalls for 4 s in those cases. */
    protected static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);

    /** How a case sends its request. */
    protected enum Mode {
        /** {@link LlmClient#chat}. */
        CHAT,
        /** {@link LlmClient#stream}, then {@link ChatStream#collect()}. */
        STREAM
    }

    /** The endpoint of the embedded server, as given to {@link #createClient}. */
    protected Endpoint endpoint;
    /** The embedded server, for faults and stats. */
    protected SwitchboardServer server;
    /** The client under test, created for each case with {@link #endpoint}. */
    protected LlmClient client;

    ContractCase() {
    }

    /**
     * Creates the style's client for {@code endpoint}; see {@link LlmClientContract#createClient}.
     */
    protected abstract LlmClient createClient(Endpoint endpoint);

    @BeforeEach
    void startClient(Endpoint endpoint, SwitchboardServer server) {
        this.endpoint = endpoint;
        this.server = server;
        this.client = createClient(endpoint);
    }

    @AfterEach
    void noStreamLeftOpen() throws InterruptedException {
        try {
            long open = awaitAtMost(() -> server.stats().openStreams(), 0);
            assertThat(open).as("streams still open on the server %s after the case", SERVER_NOTICES_WITHIN)
                    .isZero();
        } finally {
            client.close();
        }
    }

    /** Skips the case, with the client's reason, unless it supports {@code capability}. */
    protected final void requires(Capability capability) {
        Capabilities capabilities = client.capabilities();
        assumeTrue(capabilities.supports(capability),
                () -> capability + " not supported by this style: " + capabilities.reasonUnsupported(capability));
    }

    /** Skips a {@link Mode#STREAM} case for a client that does not stream. */
    final void requires(Mode mode) {
        if (mode == Mode.STREAM) {
            requires(Capability.STREAMING);
        }
    }

    /** Sends {@code request} with the case's client, as {@code mode} says; a stream is collected and closed. */
    protected final ChatResponse send(Mode mode, ChatRequest request) {
        return send(client, mode, request);
    }

    /** Sends {@code request} with {@code client}, as {@code mode} says; a stream is collected and closed. */
    static ChatResponse send(LlmClient client, Mode mode, ChatRequest request) {
        if (mode == Mode.CHAT) {
            return client.chat(request);
        }
        try (ChatStream stream = client.stream(request)) {
            return stream.collect();
        }
    }
}
