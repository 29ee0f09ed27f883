package dev.metanode.consensus.notary;

import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.StateView;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxContext;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

/**
 * The notary: a transaction {@code notary/attest} whose payload is a SHA-256 digest (of a file, a
 * build, a dataset) records on the chain who attested it first and at which height and time, so
 * anyone holding a final block can later show that the data existed then. A digest attested
 * before is refused (the first attestation stands).
 *
 * <p>State: key = the 32-byte digest; value = sender public key (32) || height (8) || block time in ms (8).
 */
public final class NotaryModule implements TxHandler {
    public static final String MODULE = "notary";
    public static final String ATTEST = "attest";
    static final int DIGEST_BYTES = 32;
    static final int RECORD_BYTES = 32 + 8 + 8;

    /** When and by whom a digest was first attested. */
    public record Attestation(byte[] sender, long height, long timestampMillis) {}

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public Set<String> types() {
        return Set.of(ATTEST);
    }

    @Override
    public void check(Transaction tx) throws TxRejectedException {
        if (tx.payload().length != DIGEST_BYTES) {
            throw new TxRejectedException("notary/attest carries one SHA-256 digest (32 bytes), not "
                    + tx.payload().length + " bytes");
        }
    }

    @Override
    public void apply(Transaction tx, StateView state, TxContext context) throws TxRejectedException {
        byte[] digest = tx.payload();
        Optional<byte[]> earlier = state.get(digest);
        if (earlier.isPresent()) {
            throw new TxRejectedException("already attested at height " + decode(earlier.get()).height());
        }
        state.put(digest, ByteBuffer.allocate(RECORD_BYTES).put(tx.sender().bytes()).putLong(context.height())
                .putLong(context.timestampMillis()).array());
    }

    /** Reads a record written by {@link #apply}. */
    public static Attestation decode(byte[] record) {
        if (record.length != RECORD_BYTES) {
            throw new IllegalArgumentException("a notary record has " + RECORD_BYTES + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(record);
        byte[] sender = new byte[32];
        b.get(sender);
        return new Attestation(sender, b.getLong(), b.getLong());
    }

    /** A signed attestation of {@code digest} by {@code key}; the nonce only makes repeated attempts distinct. */
    public static Transaction attest(dev.metanode.core.crypto.SigningKey key, byte[] digest, long nonce) {
        return Transaction.sign(key, MODULE, ATTEST, nonce, digest.clone());
    }
}
