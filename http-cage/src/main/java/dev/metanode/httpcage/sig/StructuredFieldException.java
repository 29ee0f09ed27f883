package dev.metanode.httpcage.sig;

/** A Signature or Signature-Input header that does not parse (or uses what the cage does not support). */
public final class StructuredFieldException extends IllegalArgumentException {
    public StructuredFieldException(String message) {
        super(message);
    }
}
