package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.StoreCorruptionException;
import dev.metanode.core.store.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The final chain on disk: blocks by height, the transaction index, the last height, and the state.
 * A block, its state writes and its index entries are written in one synced batch, so a crash leaves
 * either all of a block or none of it.
 */
public final class ChainStore {
    private static final String HEIGHT = "height";
    private static final String GENESIS = "genesis";
    private static final int FAILURE_CHARS_MAX = 256;
    /**
     * Validator sets that took over, by the height of the first block they decide (zero-padded so
     * that key order is height order): what a light client needs to follow the chain from genesis.
     */
    private static final String SET_CHANGE_PREFIX = "set-change/";
    private static final int HEIGHT_DIGITS = 19;

    /** A validator set in force from {@code height} on, unlike the set before it. */
    public record SetChange(long height, ValidatorSet validators) {}

    private final KvStore store;

    public ChainStore(KvStore store) {
        this.store = store;
    }

    public KvStore kv() {
        return store;
    }

    /** First start writes the genesis state; later starts check the store belongs to this genesis. */
    public void initialise(Genesis genesis) {
        Optional<byte[]> known = store.get(ConsensusColumns.META, GENESIS);
        if (known.isPresent()) {
            if (!Arrays.equals(known.get(), genesis.hash())) {
                throw new IllegalStateException("the store holds another chain than genesis " + genesis.chainId());
            }
            return;
        }
        WriteBatch batch = new WriteBatch();
        BlockExecutor.genesisState(store, genesis.validators()).writeTo(batch);
        batch.put(ConsensusColumns.META, GENESIS, genesis.hash());
        batch.put(ConsensusColumns.META, HEIGHT, ByteBuffer.allocate(8).putLong(0).array());
        store.write(batch, true);
    }

    public long height() {
        return store.get(ConsensusColumns.META, HEIGHT).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    }

    public Optional<SealedBlock> block(long height) {
        return storedBlock(height, SealedBlock::decode);
    }

    /** The header and seals of the final block at {@code height}, without decoding its transactions. */
    public Optional<dev.metanode.consensus.chain.SealedHeader> sealedHeader(long height) {
        return storedBlock(height, SealedBlock::decodeHeader);
    }

    private interface BlockDecoder<T> {
        T decode(byte[] bytes) throws MalformedMessageException;
    }

    private <T> Optional<T> storedBlock(long height, BlockDecoder<T> decoder) {
        return store.get(ConsensusColumns.BLOCKS, height).map(bytes -> {
            try {
                return decoder.decode(bytes);
            } catch (MalformedMessageException e) {
                throw new StoreCorruptionException("stored block " + height + " does not decode: " + e.getMessage());
            }
        });
    }

    public Optional<TxInclusion> inclusion(byte[] txId) {
        return store.get(ConsensusColumns.TX_INDEX, txId).map(bytes -> decodeInclusion(txId, bytes));
    }

    /** {@link #inclusion} of many transactions, looked up together. */
    public List<Optional<TxInclusion>> inclusions(List<byte[]> txIds) {
        List<Optional<byte[]>> stored = store.getAll(ConsensusColumns.TX_INDEX, txIds);
        List<Optional<TxInclusion>> out = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            byte[] id = txIds.get(i);
            out.add(stored.get(i).map(bytes -> decodeInclusion(id, bytes)));
        }
        return out;
    }

    private static TxInclusion decodeInclusion(byte[] txId, byte[] bytes) {
        try {
            WireReader in = new WireReader(bytes);
            long height = in.i64();
            int index = in.i32();
            boolean applied = in.u8() == 1;
            String failure = new String(in.bytes(FAILURE_CHARS_MAX * 4, "failure"), StandardCharsets.UTF_8);
            return new TxInclusion(height, index, java.util.HexFormat.of().formatHex(txId), applied, failure);
        } catch (MalformedMessageException e) {
            throw new StoreCorruptionException("stored inclusion does not decode: " + e.getMessage());
        }
    }

    /** Makes a block final on disk: block, state, index and height in one synced batch. */
    public void commit(SealedBlock sealed, ExecutionResult result, WriteBatch extra) {
        long height = sealed.header().height();
        if (height != height() + 1) {
            throw new IllegalStateException("committing height " + height + " on top of " + height());
        }
        WriteBatch batch = new WriteBatch();
        result.writes().writeTo(batch);
        batch.put(ConsensusColumns.BLOCKS, height, sealed.encode());
        for (var outcome : result.outcomes()) {
            String failure = outcome.failure().length() > FAILURE_CHARS_MAX
                    ? outcome.failure().substring(0, FAILURE_CHARS_MAX) : outcome.failure();
            batch.put(ConsensusColumns.TX_INDEX, java.util.HexFormat.of().parseHex(outcome.txIdHex()), new WireWriter()
                    .i64(height).i32(outcome.index()).u8(outcome.applied() ? 1 : 0)
                    .bytes(failure.getBytes(StandardCharsets.UTF_8)).toByteArray());
        }
        batch.put(ConsensusColumns.META, HEIGHT, ByteBuffer.allocate(8).putLong(height).array());
        if (!Arrays.equals(result.nextValidators().hash(), sealed.header().validatorsHash())) {
            batch.put(ConsensusColumns.META, setChangeKey(height + 1), result.nextValidators().encode());
        }
        batch.addAll(extra);
        store.write(batch, true);
        result.stateUpdate().commit();
    }

    /** The validator-set changes since genesis that are in force at or before {@code height}, oldest first. */
    public List<SetChange> setChangesThrough(long height) {
        List<SetChange> out = new ArrayList<>();
        store.scan(ConsensusColumns.META, SET_CHANGE_PREFIX, (key, value) -> {
            if (!key.startsWith(SET_CHANGE_PREFIX)) {
                return false;
            }
            long at = Long.parseLong(key.substring(SET_CHANGE_PREFIX.length()));
            if (at > height) {
                return false;
            }
            try {
                out.add(new SetChange(at, ValidatorSet.decode(value)));
            } catch (RuntimeException e) {
                throw new StoreCorruptionException("stored validator set of height " + at + " does not decode: "
                        + e.getMessage());
            }
            return true;
        });
        return out;
    }

    private static String setChangeKey(long height) {
        String digits = Long.toString(height);
        return SET_CHANGE_PREFIX + "0".repeat(HEIGHT_DIGITS - digits.length()) + digits;
    }
}
