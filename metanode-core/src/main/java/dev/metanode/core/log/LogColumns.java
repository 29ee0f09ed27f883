package dev.metanode.core.log;

import dev.metanode.core.store.Codec;
import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.StoreCorruptionException;
import java.nio.ByteBuffer;
import java.util.List;

/** The columns of the stored receipt log. */
public final class LogColumns {
    private LogColumns() {}

    /** A perfect-subtree node: level (0 = leaf) and index at that level. Sorted by level, then index. */
    public record NodeId(int level, long index) {}

    static final Codec<NodeId> NODE_ID = new Codec<>() {
        @Override
        public byte[] encode(NodeId id) {
            return ByteBuffer.allocate(9).put((byte) id.level()).putLong(id.index()).array();
        }

        @Override
        public NodeId decode(byte[] bytes) {
            if (bytes.length != 9) {
                throw new StoreCorruptionException("a node key has 9 bytes, found " + bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new NodeId(buffer.get() & 0xff, buffer.getLong());
        }
    };

    /** leaf index -> the DSSE envelope bytes (the leaf data). */
    public static final ColumnSpec<Long, byte[]> RECEIPTS = new ColumnSpec<>("receipts", Codecs.LONG, Codecs.BYTES);
    /** perfect-subtree hashes, leaves included. */
    public static final ColumnSpec<NodeId, byte[]> NODES = new ColumnSpec<>("log_nodes", NODE_ID, Codecs.BYTES);
    /** full hex leaf hash -> leaf index, for lookups by receipt id prefix. */
    public static final ColumnSpec<String, Long> IDS = new ColumnSpec<>("receipt_ids", Codecs.UTF8, Codecs.LONG);
    /** leaf index -> a small JSON summary for listings, so a listing need not parse envelopes. */
    public static final ColumnSpec<Long, byte[]> SUMMARIES = new ColumnSpec<>("receipt_summaries", Codecs.LONG,
            Codecs.BYTES);
    /** tree size -> signed checkpoint note text. */
    public static final ColumnSpec<Long, String> CHECKPOINTS = new ColumnSpec<>("checkpoints", Codecs.LONG,
            Codecs.UTF8);
    /** "size" -> committed tree size. */
    public static final ColumnSpec<String, Long> META = new ColumnSpec<>("log_meta", Codecs.UTF8, Codecs.LONG);

    public static List<String> names() {
        return List.of(RECEIPTS.name(), NODES.name(), IDS.name(), SUMMARIES.name(), CHECKPOINTS.name(),
                META.name());
    }
}
