package dev.switchboard.server.internal.upstream;

import dev.switchboard.core.error.AuthenticationException;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.core.error.RouteNotFoundException;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.engine.EngineException;

/**
 * The one place where an upstream's failure, as the upstream's {@code LlmClient} typed it, becomes
 * the status the gateway's caller gets (the table is in the server README, "Gateway"). What the
 * caller could fix passes through with the upstream's own message (400, 404, 422, 429 with its
 * {@code Retry-After}); what only the operator could fix becomes 502, 503 or 504 naming the
 * upstream and the reason. The gateway's own credentials are never echoed: a 401 or 403 from the
 * upstream is reported without the upstream's message, which may quote the key.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /**
     * Whether {@code error}, before any byte of the answer reached the caller, is worth trying on
     * another upstream: the upstream is unreachable, silent, overloaded (429, 5xx) or broke off
     * before its first event. A request the upstream refused as such (400, 404, 401) is not.
     */
    public static boolean tryElsewhere(LlmException error) {
        return error instanceof ConnectionException || error instanceof LlmTimeoutException
                || error instanceof RateLimitedException || error instanceof ServerErrorException
                || error instanceof StreamInterruptedException;
    }

    /** Whether {@code error} says the upstream itself is down (it takes the upstream out of rotation). */
    public static boolean upstreamDown(LlmException error) {
        return error instanceof ConnectionException || error instanceof LlmTimeoutException;
    }

    /**
     * The refusal the caller gets for {@code error} from upstream {@code name}.
     *
     * @param name  the upstream's name, for the message
     * @param model the model the request named, for a 404 without a message
     */
    public static EngineException toEngine(String name, String model, LlmException error) {
        String upstream = "upstream '" + name + "'";
        String said = error.providerMessage() != null ? error.providerMessage() : error.getMessage();
        if (error instanceof StreamInterruptedException) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return new EngineException(502, upstream + " broke off the stream: " + reason(cause));
        }
        if (error instanceof RateLimitedException) {
            return new EngineException(429, said, ((RateLimitedException) error).retryAfter());
        }
        if (error instanceof ModelNotFoundException) {
            return new EngineException(404, error.providerMessage() != null ? said : "model '" + model + "' not found");
        }
        if (error instanceof RouteNotFoundException) {
            // a 404 about no model: the upstream lacks the route (wrong base URL, or not that kind of server)
            return new EngineException(502, upstream + " has no route for this request: " + reason(error)
                    + "; check the upstream's base URL");
        }
        if (error instanceof AuthenticationException) {
            return new EngineException(502, upstream + " refused the gateway's credentials (HTTP " + error.status()
                    + "); check the upstream API key");
        }
        if (error instanceof BadRequestException) {
            return new EngineException(error.status(), said);
        }
        if (error instanceof ServerErrorException) {
            int status = error.status() == 503 ? 503 : 502;
            return new EngineException(status, upstream + " answered HTTP " + error.status() + ": " + said);
        }
        if (error instanceof LlmTimeoutException) {
            return new EngineException(504, upstream + " timed out: " + reason(error));
        }
        if (error instanceof ConnectionException) {
            return new EngineException(502, upstream + " is unreachable: " + reason(error));
        }
        if (error instanceof MalformedResponseException) {
            return new EngineException(502, upstream + " sent a malformed response: " + reason(error));
        }
        return new EngineException(502, upstream + " failed: " + reason(error));
    }

    /** A short reason for {@code error}: its message, else its class. */
    public static String reason(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
