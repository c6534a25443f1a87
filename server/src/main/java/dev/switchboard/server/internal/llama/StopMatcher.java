package dev.switchboard.server.internal.llama;

import java.util.List;

/**
 * Finds stop sequences in streamed text. Text that could be the start of a stop sequence is held
 * back until the next piece shows whether it is; once a sequence is found, the text before it is
 * released and everything after is dropped (the sequence itself is never sent, as llama-server
 * and OpenAI do). Not thread-safe.
 */
public final class StopMatcher {

    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private boolean stopped;

    /** @param stops the stop sequences; empty ones are ignored */
    public StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Takes the next piece; returns the text now safe to send (maybe empty). */
    public String accept(String piece) {
        if (stopped) {
            return "";
        }
        pending.append(piece);
        int earliest = -1;
        for (String stop : stops) {
            int at = pending.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        if (earliest >= 0) {
            stopped = true;
            String out = pending.substring(0, earliest);
            pending.setLength(0);
            return out;
        }
        int hold = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, pending.length()); k > hold; k--) {
                if (pending.toString().regionMatches(pending.length() - k, stop, 0, k)) {
                    hold = k;
                    break;
                }
            }
        }
        String out = pending.substring(0, pending.length() - hold);
        pending.delete(0, pending.length() - hold);
        return out;
    }

    /** Whether a stop sequence was found. */
    public boolean stopped() {
        return stopped;
    }

    /** At the end of generation: the held-back text, which turned out not to be a stop sequence. */
    public String flush() {
        String out = stopped ? "" : pending.toString();
        pending.setLength(0);
        return out;
    }
}
