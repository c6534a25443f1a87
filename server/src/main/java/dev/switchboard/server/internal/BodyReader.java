package dev.switchboard.server.internal;

import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit. Past the limit the rest is read and dropped (not kept), so
 * the client still gets its 413 instead of a reset while it is sending.
 */
public final class BodyReader {

    /** The largest body accepted: 8 MiB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private Buffer body = Buffer.buffer();
    private boolean tooLarge;

    private BodyReader() {
    }

    /**
     * Reads {@code request}'s body, then calls {@code onBody} with it, or {@code onTooLarge} when it
     * is over {@code maxBytes}. Neither is called if the connection fails first.
     */
    public static void read(HttpServerRequest request, int maxBytes, Consumer<Buffer> onBody, Runnable onTooLarge) {
        BodyReader reader = new BodyReader();
        request.handler(chunk -> {
            if (reader.tooLarge) {
                return;
            }
            if (reader.body.length() + chunk.length() > maxBytes) {
                reader.tooLarge = true;
                reader.body = null;
            } else {
                reader.body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (reader.tooLarge) {
                onTooLarge.run();
            } else {
                onBody.accept(reader.body);
            }
        });
    }
}
