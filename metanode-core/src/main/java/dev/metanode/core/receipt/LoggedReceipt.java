package dev.metanode.core.receipt;

import java.util.Objects;

/**
 * A receipt as it stands in the log.
 *
 * @param id       "rx_" and a prefix of the leaf hash, what users see and type
 * @param index    the leaf index in the Merkle log
 * @param leafHash RFC 9162 leaf hash of the envelope bytes
 * @param envelope the DSSE envelope, canonical JSON, exactly the logged leaf bytes
 */
public record LoggedReceipt(String id, long index, byte[] leafHash, byte[] envelope) {
    public LoggedReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(envelope, "envelope");
    }
}
