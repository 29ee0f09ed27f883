package dev.metanode.docklock.supervise;

/**
 * When and how fast to restart an app.
 *
 * @param mode           which exits lead to a restart
 * @param delayMsInitial delay before the first restart
 * @param delayMsMax     the delay doubles per quick failure up to this
 * @param stableMs       a run at least this long counts as healthy and resets the delay and the count
 * @param restartsMax    consecutive quick restarts before giving up
 */
public record RestartPolicy(Mode mode, long delayMsInitial, long delayMsMax, long stableMs, int restartsMax) {

    /** Which exits lead to a restart. */
    public enum Mode {
        /** Never restart. */
        NEVER,
        /** Restart after a non-zero exit or a signal. */
        ON_FAILURE,
        /** Restart after every exit. */
        ALWAYS
    }

    /** On failure; 100 ms doubling to 30 s; a run of 10 s is stable; give up after 10 quick restarts. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Mode.ON_FAILURE, 100, 30_000, 10_000, 10);

    public RestartPolicy {
        if (delayMsInitial < 0 || delayMsMax < delayMsInitial || stableMs < 0 || restartsMax < 0) {
            throw new IllegalArgumentException("restart policy needs 0 <= delayMsInitial <= delayMsMax, stableMs >= 0,"
                    + " restartsMax >= 0");
        }
    }
}
