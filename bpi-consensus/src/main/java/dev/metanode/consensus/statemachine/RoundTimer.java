package dev.metanode.consensus.statemachine;

/**
 * Round timeouts: {@code roundTimeoutMsBase} for round 0, doubling each round, capped at
 * {@code roundTimeoutMsMax}, so a network recovering from a long stall waits at most the cap for the
 * next round change, and a quorum that is back together commits within about two caps.
 */
public record RoundTimer(long roundTimeoutMsBase, long roundTimeoutMsMax) {
    /** Round 0's timeout by default. */
    public static final long ROUND_TIMEOUT_MS_BASE = 1_000;
    /** No round waits longer than this by default. */
    public static final long ROUND_TIMEOUT_MS_MAX = 16_000;
    public static final RoundTimer DEFAULT = new RoundTimer(ROUND_TIMEOUT_MS_BASE, ROUND_TIMEOUT_MS_MAX);

    public RoundTimer {
        if (roundTimeoutMsBase < 1 || roundTimeoutMsMax < roundTimeoutMsBase) {
            throw new IllegalArgumentException("need 1 <= roundTimeoutMsBase <= roundTimeoutMsMax");
        }
    }

    /**
     * A round whose proposer missed its last turn and has said nothing since: a fifth of the base.
     * Long enough for a proposal from a proposer that is back after all (whose first message would
     * clear it anyway), short enough that a dead validator no longer costs a second per turn.
     */
    public long quietProposerTimeoutMs() {
        return Math.max(1, roundTimeoutMsBase / 5);
    }

    public long timeoutMs(int round) {
        int doublings = Math.min(round, 40);
        long t = roundTimeoutMsBase;
        for (int i = 0; i < doublings && t < roundTimeoutMsMax; i++) {
            t *= 2;
        }
        return Math.min(t, roundTimeoutMsMax);
    }
}
