package dev.metanode.core.workload;

/**
 * How the caged program ended.
 *
 * @param code   exit code (0–255), or -1 when a signal ended it
 * @param signal the signal number that ended it, or 0 when it exited
 */
public record ExitStatus(int code, int signal) {

    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0);
    }

    public static ExitStatus killed(int signal) {
        return new ExitStatus(-1, signal);
    }

    public boolean success() {
        return code == 0 && signal == 0;
    }

    /** {@code exit 3} or {@code signal 9}. */
    @Override
    public String toString() {
        return signal == 0 ? "exit " + code : "signal " + signal;
    }
}
