package dev.metanode.httpcage.sig;

/** Why a request signature was not accepted; the message is the machine-readable reason. */
public final class SignatureException extends RuntimeException {
    public SignatureException(String reason) {
        super(reason, null, false, false);
    }
}
