package dev.metanode.consensus;

import dev.metanode.core.crypto.PublicKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Validators that let their last turn as proposer pass without a word: not one valid message from
 * them between the start of that round and its timeout. Such a validator is most likely down, so
 * its next turns get a short round timeout instead of the full one; the first valid message it
 * signs again clears it. Timeouts only decide how soon a round is given up, never what is final,
 * so a wrong guess costs a round change and nothing else.
 *
 * <p>Without this, a dead validator cost every height whose round 0 it was drawn for a full
 * round timeout (1 s): with one of four down, throughput fell to a quarter or less.
 */
final class QuietProposers {
    /** Validators remembered at most (more than any validator set holds). */
    static final int REMEMBERED_MAX = 1_024;

    private final Map<PublicKey, Long> lastHeardMillis = new HashMap<>();
    private final Set<PublicKey> quiet = new HashSet<>();

    /** {@code validator} signed a valid message that arrived at {@code nowMillis}. */
    void heard(PublicKey validator, long nowMillis) {
        quiet.remove(validator);
        if (lastHeardMillis.size() >= REMEMBERED_MAX && !lastHeardMillis.containsKey(validator)) {
            lastHeardMillis.clear(); // forgetting only makes the next guess "not quiet": the safe side
        }
        lastHeardMillis.put(validator, nowMillis);
    }

    /** The round {@code proposer} was drawn for, begun at {@code roundStartMillis}, timed out. */
    void turnMissed(PublicKey proposer, long roundStartMillis) {
        if (lastHeardMillis.getOrDefault(proposer, Long.MIN_VALUE) < roundStartMillis && quiet.size() < REMEMBERED_MAX) {
            quiet.add(proposer);
        }
    }

    boolean isQuiet(PublicKey validator) {
        return quiet.contains(validator);
    }
}
