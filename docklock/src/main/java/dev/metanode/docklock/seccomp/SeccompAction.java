package dev.metanode.docklock.seccomp;

import java.util.Locale;

/**
 * What a filter does with a system call.
 *
 * @param kind  the action
 * @param errno the error number for {@link Kind#ERRNO}, 0 otherwise
 */
public record SeccompAction(Kind kind, int errno) {
    /** Errno values are 12 bits in the filter's return value. */
    public static final int ERRNO_MAX = 4095;
    public static final int EPERM = 1;
    public static final int ENOSYS = 38;

    public static final SeccompAction ALLOW = new SeccompAction(Kind.ALLOW, 0);
    public static final SeccompAction DENY = new SeccompAction(Kind.DENY, 0);
    public static final SeccompAction KILL = new SeccompAction(Kind.KILL, 0);

    /** The kinds of action a profile can name. */
    public enum Kind {
        /** Run the system call. */
        ALLOW,
        /** Answer EPERM and record the attempt in the run's result. */
        DENY,
        /** Answer with the given errno, unrecorded. */
        ERRNO,
        /** Kill the whole process. */
        KILL
    }

    public SeccompAction {
        if (kind == Kind.ERRNO && (errno < 1 || errno > ERRNO_MAX)) {
            throw new IllegalArgumentException("errno must be 1.." + ERRNO_MAX + ": " + errno);
        }
    }

    public static SeccompAction errno(int errno) {
        return new SeccompAction(Kind.ERRNO, errno);
    }

    /** Parses {@code allow}, {@code deny}, {@code kill}, {@code enosys}, {@code eperm} or {@code errno:N}. */
    public static SeccompAction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "allow": return ALLOW;
            case "deny": return DENY;
            case "kill": return KILL;
            case "enosys": return errno(ENOSYS);
            case "eperm": return errno(EPERM);
            default:
                if (t.startsWith("errno:")) {
                    try {
                        return errno(Integer.parseInt(t.substring(6)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad errno in action '" + text + "'");
                    }
                }
                throw new IllegalArgumentException("unknown action '" + text
                        + "' (one of allow, deny, kill, enosys, eperm, errno:N)");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.ERRNO ? "errno:" + errno : kind.name().toLowerCase(Locale.ROOT);
    }
}
