package dev.metanode.core.ledger;

import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * One module's slice of the replicated state, as a {@link dev.metanode.core.kernel.TxHandler} sees
 * it while applying a transaction. Keys are scoped to the module: two modules may use the same key
 * without meeting. Writes land in the state only if the transaction applies without error, and
 * every (module, key, value) is covered by the block's state root.
 */
public interface StateView {
    /** Keys are at most this long. */
    int KEY_BYTES_MAX = 256;
    /** Values are at most this long. */
    int VALUE_BYTES_MAX = 256 * 1024;

    Optional<byte[]> get(byte[] key);

    /** @throws IllegalArgumentException if the key or value is over its limit */
    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Visits keys that start with {@code prefix}, in unsigned byte order, until the visitor returns false. */
    void scan(byte[] prefix, BiPredicate<byte[], byte[]> visitor);
}
