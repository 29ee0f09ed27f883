package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.StoreCorruptionException;
import dev.metanode.core.store.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Crash safety for a validator's own signatures. Before anything is signed and sent, the
 * (height, round, type) and what it says are written and synced; a request to sign something else
 * for the same slot is refused, so a validator that restarts mid-round can never equivocate. The
 * prepared certificate (the lock) is kept here too, so round changes after a restart still carry it.
 *
 * <p>Every synced write costs a validator an fsync on its critical path, so the lock does not get
 * one of its own: {@link #savePrepared} holds it until the next signature's record, and both go to
 * disk in that one synced batch. Nothing leaves the node signed before that batch is durable, so
 * every message that depends on the lock (the commit that follows it, a later round change) is sent
 * only once the lock is on disk.
 */
public final class SigningGuard {
    private static final byte SLOT = 1;
    private static final byte PREPARED = 2;

    private final KvStore store;
    /** The lock saved but not yet written: it goes with the next signature's record. */
    private WriteBatch pendingLock = new WriteBatch();
    /**
     * Keys in the column, so {@link #forget} deletes them without scanning it (a scan walks every
     * tombstone earlier heights left behind): what an earlier run left, read once, and what this one wrote.
     */
    private final List<byte[]> written = new ArrayList<>();

    public SigningGuard(KvStore store) {
        this.store = store;
        store.scan(ConsensusColumns.GUARD, null, (k, v) -> written.add(k));
    }

    /** True if signing this statement is safe; records it durably first (with a lock saved since the last record). */
    public boolean allow(MessageType type, long height, int round, byte[] digest, int preparedRound) {
        byte[] key = ByteBuffer.allocate(1 + 8 + 4 + 1).put(SLOT).putLong(height).putInt(round).put((byte) type.code()).array();
        byte[] statement = ByteBuffer.allocate(digest.length + 4).put(digest).putInt(preparedRound).array();
        Optional<byte[]> signed = store.get(ConsensusColumns.GUARD, key);
        boolean allowed = signed.isEmpty() || Arrays.equals(signed.get(), statement);
        WriteBatch batch = takePendingLock();
        if (signed.isEmpty()) {
            batch.put(ConsensusColumns.GUARD, key, statement);
            remember(key);
        }
        store.write(batch, true);
        return allowed;
    }

    private WriteBatch takePendingLock() {
        WriteBatch batch = pendingLock;
        pendingLock = new WriteBatch();
        return batch;
    }

    private void remember(byte[] key) {
        written.add(key);
    }

    /** The highest round this validator signed anything in at {@code height}; -1 if none. */
    public int lastRound(long height) {
        int[] last = {-1};
        byte[] from = ByteBuffer.allocate(1 + 8).put(SLOT).putLong(height).array();
        store.scan(ConsensusColumns.GUARD, from, (k, v) -> {
            if (k.length != 14 || k[0] != SLOT || ByteBuffer.wrap(k, 1, 8).getLong() != height) {
                return false;
            }
            last[0] = Math.max(last[0], ByteBuffer.wrap(k, 9, 4).getInt());
            return true;
        });
        return last[0];
    }

    /**
     * Records the lock: the prepared block of {@code round} and its certificate. It is written with
     * the next {@link #allow}'s synced record, before anything signed after it can leave the node.
     */
    public void savePrepared(long height, int round, Block block, List<SignedPayload> certificate) {
        WireWriter out = new WireWriter().i32(round);
        block.write(out);
        out.i32(certificate.size());
        certificate.forEach(p -> p.write(out));
        pendingLock = new WriteBatch().put(ConsensusColumns.GUARD, preparedKey(height), out.toByteArray());
        remember(preparedKey(height));
    }

    /** The lock saved for this height, if any. */
    public Optional<Prepared> loadPrepared(long height) {
        Optional<byte[]> pending = pendingLock.ops().stream()
                .filter(op -> Arrays.equals(op.key(), preparedKey(height))).map(WriteBatch.Op::value).findFirst();
        return pending.or(() -> store.get(ConsensusColumns.GUARD, preparedKey(height))).map(bytes -> {
            try {
                WireReader in = new WireReader(bytes);
                int round = in.i32();
                Block block = Block.read(in);
                int n = in.count(1024, "prepare");
                List<SignedPayload> cert = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    cert.add(SignedPayload.read(in));
                }
                return new Prepared(round, block, cert);
            } catch (MalformedMessageException e) {
                throw new StoreCorruptionException("stored prepared certificate does not decode: " + e.getMessage());
            }
        });
    }

    /** Deletes what was kept for heights up to {@code height}; goes in the commit batch. */
    public WriteBatch forget(long height) {
        WriteBatch batch = new WriteBatch();
        written.removeIf(k -> {
            boolean old = k.length >= 9 && ByteBuffer.wrap(k, 1, 8).getLong() <= height;
            if (old) {
                batch.delete(ConsensusColumns.GUARD, k);
            }
            return old;
        });
        if (pendingLock.ops().stream().anyMatch(op -> ByteBuffer.wrap(op.key(), 1, 8).getLong() <= height)) {
            pendingLock = new WriteBatch();
        }
        return batch;
    }

    private static byte[] preparedKey(long height) {
        return ByteBuffer.allocate(1 + 8).put(PREPARED).putLong(height).array();
    }

    /** A lock: the block prepared in {@code round}, with the quorum of prepares that proves it. */
    public record Prepared(int round, Block block, List<SignedPayload> certificate) {
        public Prepared {
            certificate = List.copyOf(certificate);
        }
    }
}
