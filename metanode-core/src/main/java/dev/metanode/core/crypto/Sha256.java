package dev.metanode.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256. The JDK's implementation uses the CPU's SHA extensions, so it is the fast path here. */
public final class Sha256 {
    public static final int DIGEST_BYTES = 32;

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    /** Hash of a one-byte prefix followed by the given parts, without concatenating them first. */
    public static byte[] digest(byte prefix, byte[]... parts) {
        MessageDigest md = newDigest();
        md.update(prefix);
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }
}
