package dev.switchboard.workshop.lessons.lesson02;

import java.io.IOException;

/**
 * What lesson 2's learner writes: a streaming chat over raw HTTP (OkHttp) with a Server-Sent
 * Events reader. {@link StreamingChat} is the starter, {@code solution.StreamingChat} the reference.
 */
public interface ChatStreamer {

    /** Receives the stream as it arrives. */
    interface Listener {

        /** The next non-empty piece of text: one {@code choices[0].delta.content}. */
        void token(String text);

        /** The stream ended with {@code data: [DONE]}. */
        void done();
    }

    /**
     * POSTs {@code prompt} as one user message to {@code baseUrl + "/chat/completions"} with
     * {@code "stream": true}, reads the events, and gives each piece of text to {@code listener}.
     *
     * @param baseUrl  the OpenAI-compatible base URL, with {@code /v1}
     * @param apiKey   sent as {@code Authorization: Bearer <apiKey>}
     * @param model    the chat model
     * @param prompt   the user's message
     * @param listener gets each token, then {@code done()} at {@code data: [DONE]}
     * @return the whole answer: the tokens joined
     * @throws IOException if the server cannot be reached, answers a non-2xx (the message holds the
     *                     status and the body), or the stream ends without {@code data: [DONE]}
     */
    String stream(String baseUrl, String apiKey, String model, String prompt, Listener listener) throws IOException;
}
