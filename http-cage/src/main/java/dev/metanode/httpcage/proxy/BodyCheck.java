package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.BodyExpectation;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes a request body as it streams and judges it at the last piece, which is held back on a
 * mismatch: the app never receives a complete body that differs from the signed Content-Digest.
 */
final class BodyCheck {
    private final MessageDigest digest;
    private final byte[] expected;

    BodyCheck(BodyExpectation expectation) {
        try {
            this.digest = MessageDigest.getInstance(expectation.algorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(expectation.algorithm() + " missing from the JDK", e);
        }
        this.expected = expectation.digest();
    }

    /** Adds the piece; false if it is the last one and the body does not match. */
    boolean accept(HttpContent content) {
        digest.update(content.content().nioBuffer());
        return !(content instanceof LastHttpContent) || MessageDigest.isEqual(expected, digest.digest());
    }
}
