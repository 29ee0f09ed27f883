package dev.metanode.docklock.internal;

/**
 * The cage's child reported a failed setup step through its error pipe. The native side builds the
 * message as {@code "<errno>:<step>"}; {@link #errno()} and {@link #step()} split it.
 */
public final class CageSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String step;

    public CageSetupException(String raw) {
        super(raw);
        int colon = raw.indexOf(':');
        this.errno = colon > 0 ? Integer.parseInt(raw.substring(0, colon)) : 0;
        this.step = colon > 0 ? raw.substring(colon + 1) : raw;
    }

    public int errno() {
        return errno;
    }

    public String step() {
        return step;
    }

    /** "cannot start '/bin/nope' in the cage: no such file or directory (ENOENT)". */
    public String describe(String program) {
        String what = step.startsWith("/") && step.equals(program) || step.equals(program)
                ? "cannot run '" + program + "' in the cage"
                : "cage setup failed at '" + step + "'";
        return what + ": " + Errno.describe(errno);
    }
}
