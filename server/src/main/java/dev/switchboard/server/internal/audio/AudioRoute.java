package dev.switchboard.server.internal.audio;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.switchboard.core.wire.InboundChat;
import dev.switchboard.server.internal.Ids;
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.core.wire.Sse;
import dev.switchboard.server.AudioOptions;
import dev.switchboard.server.internal.ErrorReplies;
import dev.switchboard.server.internal.FramePump;
import dev.switchboard.server.internal.ServerContext;

/**
 * {@code POST /audio/chat/completions}: a {@code /v1/chat/completions} body (a bad one is 400 in
 * the {@code /v1} envelope; its content does not change the reply) answered, always as a stream,
 * with the {@link AudioClip} in OpenAI's audio-output chunk shape: {@code choices[0].delta.audio}
 * carries first {@code id} and {@code transcript} (with {@code role}), then one base64 piece of
 * 16-bit little-endian PCM per chunk in {@code data}, then {@code expires_at} alone, then a chunk
 * with {@code finish_reason:"stop"} and {@code data: [DONE]}. The shape is that of OpenAI's OpenAPI
 * schema {@code ChatCompletionStreamResponseDeltaAudio} ({@code id}, {@code transcript},
 * {@code data}, {@code expires_at}; "the final audio update contains only its expiry timestamp"),
 * as published in the code generated from OpenAI's OpenAPI document 2.3.0 (docs.rs,
 * {@code openai-client-base} 0.16.0, {@code chat_completion_stream_response_delta_audio.rs}); its
 * {@code pcm16} is 24 kHz mono ({@code PcmAudioFormat}: "rate ... Always 24000"), the generated
 * reply's rate. No engine is involved.
 *
 * <p>Pacing: the first chunk at once, each later one {@link AudioOptions#chunkDelay()} after the
 * previous, and none while more than {@value #MAX_QUEUED} frames wait for a slow client (the
 * {@link FramePump} holds them back from Vert.x's write queue). The header
 * {@code X-Switchboard-Audio} says {@code simulated} or {@code file}. The client closing the
 * connection stops the timer. Counted in the server's stream stats.
 */
public final class AudioRoute {

    /** Frames waiting in the pump above which the next chunk is put off. */
    static final int MAX_QUEUED = 4;
    private static final JsonFactory JSON = new JsonFactory();

    private final ServerContext server;
    private final AudioClip clip;
    private final long delayMs;

    /** @param clip the reply, loaded at start */
    public AudioRoute(ServerContext server, AudioClip clip, AudioOptions options) {
        this.server = server;
        this.clip = clip;
        this.delayMs = options.chunkDelay().toMillis();
    }

    /** Answers one request, on its event loop; {@code body} is the whole request body. */
    public void handle(HttpServerRequest request, Buffer body) {
        InboundChat inbound = ErrorReplies.readOr400(request, body, OpenAiWire::readChatRequest);
        if (inbound == null) {
            return;
        }
        String model = inbound.request().model() != null ? inbound.request().model() : server.defaultModel();
        new Stream(request.response(), model).start();
    }

    /** One streamed reply. */
    private final class Stream implements FramePump.Listener {
        private final HttpServerResponse response;
        private final String id = Ids.chatCompletionId();
        private final String audioId = "audio_" + Ids.alphanumeric(24);
        private final long created = System.currentTimeMillis() / 1000;
        private final String model;
        private FramePump pump;
        private int next; // 0: transcript; 1..n: data; n+1: expires_at; n+2: finish
        private long timer = -1;
        private boolean over;

        Stream(HttpServerResponse response, String model) {
            this.response = response;
            this.model = model;
        }

        void start() {
            response.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no")
                    .putHeader("X-Switchboard-Audio", clip.simulated() ? "simulated" : "file");
            response.closeHandler(v -> {
                if (!over && pump != null) {
                    pump.clientGone();
                }
            });
            server.streamOpened();
            pump = new FramePump(server.vertx(), response, null, new byte[0], this);
            tick();
        }

        private void tick() {
            timer = -1;
            if (over) {
                return;
            }
            if (pump.queued() > MAX_QUEUED) {
                schedule(); // a slow client: wait for the pump to drain
                return;
            }
            int pieces = clip.pieces().size();
            if (next == 0) {
                pump.frame(frame(g -> {
                    g.writeStringField("role", "assistant");
                    g.writeNullField("content");
                    g.writeObjectFieldStart("audio");
                    g.writeStringField("id", audioId);
                    g.writeStringField("transcript", clip.transcript());
                    g.writeEndObject();
                }, null));
            } else if (next <= pieces) {
                String data = clip.pieces().get(next - 1);
                pump.frame(frame(g -> {
                    g.writeObjectFieldStart("audio");
                    g.writeStringField("data", data);
                    g.writeEndObject();
                }, null));
            } else {
                pump.frame(frame(g -> {
                    g.writeObjectFieldStart("audio");
                    g.writeNumberField("expires_at", created + 3600);
                    g.writeEndObject();
                }, null));
                pump.frame(frame(g -> { }, "stop"));
                pump.end(Sse.done());
                return;
            }
            next++;
            schedule();
        }

        private void schedule() {
            if (delayMs <= 0) {
                server.vertx().runOnContext(v -> tick());
            } else {
                timer = server.vertx().setTimer(delayMs, t -> tick());
            }
        }

        @Override
        public void finished(FramePump.Outcome outcome) {
            over = true;
            if (timer >= 0) {
                server.vertx().cancelTimer(timer);
                timer = -1;
            }
            server.streamClosed(outcome == FramePump.Outcome.COMPLETED, outcome == FramePump.Outcome.CANCELLED);
        }

        @Override
        public void progressed(int queued) {
            // pacing reads pump.queued() at each tick
        }

        private byte[] frame(Delta delta, String finishReason) {
            ByteArrayBuilder out = new ByteArrayBuilder(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("id", id);
                g.writeStringField("object", "chat.completion.chunk");
                g.writeNumberField("created", created);
                g.writeStringField("model", model);
                g.writeArrayFieldStart("choices");
                g.writeStartObject();
                g.writeNumberField("index", 0);
                g.writeObjectFieldStart("delta");
                delta.write(g);
                g.writeEndObject();
                if (finishReason == null) {
                    g.writeNullField("finish_reason");
                } else {
                    g.writeStringField("finish_reason", finishReason);
                }
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Sse.frame(out.toByteArray());
        }
    }

    /** Writes the fields of one {@code delta}. */
    private interface Delta {
        void write(JsonGenerator g) throws IOException;
    }
}
