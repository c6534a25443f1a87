package dev.switchboard.server.gguf;

import java.io.IOException;

/** A file that is not a well-formed GGUF; the message names the file and the fault. */
public final class GgufFormatException extends IOException {

    /**
     * @param message the file and what is wrong with it
     * @param cause   the underlying error, or null
     */
    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
