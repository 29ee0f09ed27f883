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
 */
public final class SigningGuard {
    private static final byte SLOT = 1;
    private static final byte PREPARED = 2;

    private final KvStore store;

    public SigningGuard(KvStore store) {
        this.store = store;
    }

    /** True if signing this statement is safe; records it durably first. */
    public boolean allow(MessageType type, long height, int round, byte[] digest, int preparedRound) {
        byte[] key = ByteBuffer.allocate(1 + 8 + 4 + 1).put(SLOT).putLong(height).putInt(round).put((byte) type.code()).array();
        byte[] statement = ByteBuffer.allocate(digest.length + 4).put(digest).putInt(preparedRound).array();
        Optional<byte[]> signed = store.get(ConsensusColumns.GUARD, key);
        if (signed.isPresent()) {
            return Arrays.equals(signed.get(), statement);
        }
        store.write(new WriteBatch().put(ConsensusColumns.GUARD, key, statement), true);
        return true;
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

    /** Durably records the lock: the prepared block of {@code round} and its certificate. */
    public void savePrepared(long height, int round, Block block, List<SignedPayload> certificate) {
        WireWriter out = new WireWriter().i32(round);
        block.write(out);
        out.i32(certificate.size());
        certificate.forEach(p -> p.write(out));
        store.write(new WriteBatch().put(ConsensusColumns.GUARD, preparedKey(height), out.toByteArray()), true);
    }

    /** The lock saved for this height, if any. */
    public Optional<Prepared> loadPrepared(long height) {
        return store.get(ConsensusColumns.GUARD, preparedKey(height)).map(bytes -> {
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
        store.scan(ConsensusColumns.GUARD, null, (k, v) -> {
            if (k.length >= 9 && ByteBuffer.wrap(k, 1, 8).getLong() <= height) {
                batch.delete(ConsensusColumns.GUARD, k);
            }
            return true;
        });
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
