package dev.metanode.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256. The JDK's implementation uses the CPU's SHA extensions, so it is the fast path here. */
public final class Sha256 {
    public static final int DIGEST_BYTES = 32;
    /** MessageDigest.getInstance walks the providers every time; the log hashes on every append. */
    private static final ThreadLocal<MessageDigest> CACHED = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    /** Cloned for each new digest: cloning skips the provider walk, which showed in per-request hashing. */
    private static final MessageDigest PROTOTYPE = lookUp();

    /** A fresh SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] digest(byte[] data) {
        return CACHED.get().digest(data);
    }

    /** Hash of a one-byte prefix followed by each of {@code parts} in order, without concatenating them first. */
    public static byte[] digest(byte prefix, Iterable<byte[]> parts) {
        MessageDigest md = CACHED.get();
        md.update(prefix);
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    /** Hash of a one-byte prefix followed by the given parts, without concatenating them first. */
    public static byte[] digest(byte prefix, byte[]... parts) {
        return digest(prefix, java.util.Arrays.asList(parts));
    }
}
