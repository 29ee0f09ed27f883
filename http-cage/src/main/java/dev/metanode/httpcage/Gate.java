package dev.metanode.httpcage;

/**
 * One check on a request head (auth, rate limit, signature, data-flow policy). Gates are pure
 * decision code: no I/O, no blocking, so they run on the event loop.
 */
public interface Gate {
    /**
     * Looks at the request and what earlier gates found; returns empty to let it pass, or a
     * refusal. Gates record their own decisions (and the principal they found) on {@code trail}.
     */
    java.util.Optional<Refusal> check(RequestFacts request, DecisionTrail trail);

    /** A refusal: status, reason, and for 429 the seconds until a retry may work. */
    record Refusal(int status, String reason, long retryAfterSeconds) {
        public static Refusal of(int status, String reason) {
            return new Refusal(status, reason, 0);
        }
    }
}
