package dev.metanode.docklock.internal;

import java.util.Map;

/** Names for the errno values the cage's setup can report. */
public final class Errno {
    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(1, "operation not permitted (EPERM)"),
            Map.entry(2, "no such file or directory (ENOENT)"),
            Map.entry(7, "argument list too long (E2BIG)"),
            Map.entry(8, "not an executable format (ENOEXEC)"),
            Map.entry(11, "resource temporarily unavailable (EAGAIN)"),
            Map.entry(12, "out of memory (ENOMEM)"),
            Map.entry(13, "permission denied (EACCES)"),
            Map.entry(16, "device or resource busy (EBUSY)"),
            Map.entry(17, "file exists (EEXIST)"),
            Map.entry(20, "not a directory (ENOTDIR)"),
            Map.entry(21, "is a directory (EISDIR)"),
            Map.entry(22, "invalid argument (EINVAL)"),
            Map.entry(24, "too many open files (EMFILE)"),
            Map.entry(26, "text file busy (ETXTBSY)"),
            Map.entry(28, "no space left on device (ENOSPC)"),
            Map.entry(30, "read-only file system (EROFS)"),
            Map.entry(36, "file name too long (ENAMETOOLONG)"),
            Map.entry(38, "function not implemented (ENOSYS)"),
            Map.entry(40, "too many levels of symbolic links (ELOOP)"));

    private Errno() {}

    public static String describe(int errno) {
        return TEXT.getOrDefault(errno, "errno " + errno);
    }
}
