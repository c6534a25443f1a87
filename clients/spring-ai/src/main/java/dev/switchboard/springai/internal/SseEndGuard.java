package dev.switchboard.springai.internal;

import java.io.IOException;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * An OkHttp interceptor, installed under Spring AI's OpenAI client, that makes two things about a
 * {@code text/event-stream} answer visible which openai-java 4.101.0 does not report:
 * <ul>
 *   <li><b>A stream that ends without {@code data: [DONE]}</b> is not a success: the body throws
 *       {@link MissingDoneMarkerException} at its end instead of returning end-of-file. openai-java's
 *       SSE handler stops at {@code [DONE]} and treats a plain end of body as a normal end, but
 *       Ollama's {@code /v1} ends a stream that failed mid-way exactly like that
 *       ({@code core/src/test/resources/reference/ollama-wire.md} section 2.2).</li>
 *   <li><b>Closing the body before its end cancels the call</b>, so the socket closes at once.
 *       Spring AI disposes a stream by closing openai-java's response from another thread while the
 *       stream-handler thread is blocked reading it; without the cancel, OkHttp would first try to
 *       read the rest of the body on the closing thread for up to 100 ms.</li>
 * </ul>
 * Other responses pass through untouched. The check costs a few byte reads per network read: it
 * keeps the last non-whitespace bytes seen, and at the end compares them with {@code [DONE]}.
 */
public final class SseEndGuard implements Interceptor {

    /** Creates the interceptor; stateless, one may serve every call of a client. */
    public SseEndGuard() {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        if (!response.isSuccessful() || type == null || !"event-stream".equals(type.subtype())) {
            return response;
        }
        Source guarded = new GuardedSource(body.source(), chain.call());
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(guarded), type, body.contentLength()))
                .build();
    }

    /** Thrown at the end of an event stream whose last event was not {@code data: [DONE]}. */
    public static final class MissingDoneMarkerException extends IOException {
        private static final long serialVersionUID = 1L;

        MissingDoneMarkerException() {
            super("the event stream ended without data: [DONE]");
        }
    }

    private static final class GuardedSource extends ForwardingSource {
        private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

        private final Call call;
        /** The last non-whitespace bytes read, oldest first, right-aligned. */
        private final byte[] tail = new byte[DONE.length];
        private boolean ended;

        GuardedSource(Source delegate, Call call) {
            super(delegate);
            this.call = call;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n == -1) {
                ended = true;
                if (!endsWithDone()) {
                    throw new MissingDoneMarkerException();
                }
                return -1;
            }
            // Only the last few non-whitespace bytes of this read can matter.
            long size = sink.size();
            long from = size - n;
            int wanted = DONE.length;
            long i = size - 1;
            int found = 0;
            while (i >= from && found < wanted) {
                if (!isWhitespace(sink.getByte(i))) {
                    found++;
                }
                i--;
            }
            for (long j = i + 1; j < size; j++) {
                byte b = sink.getByte(j);
                if (!isWhitespace(b)) {
                    System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                    tail[tail.length - 1] = b;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended && !endsWithDone()) {
                call.cancel(); // closed mid-stream: drop the connection now
            }
            super.close();
        }

        private boolean endsWithDone() {
            for (int k = 0; k < DONE.length; k++) {
                if (tail[k] != DONE[k]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isWhitespace(byte b) {
            return b == '\n' || b == '\r' || b == ' ' || b == '\t';
        }
    }
}
