package dev.metanode.consensus.state;

import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import java.util.List;

/** The store columns consensus owns; the wiring declares {@link #NAMES} when it opens the database. */
public final class ConsensusColumns {
    /** Replicated state: module name, a zero byte, the module's key. */
    public static final ColumnSpec<byte[], byte[]> STATE = new ColumnSpec<>("consensus.state", Codecs.BYTES, Codecs.BYTES);
    /** Final blocks with their seals, by height. */
    public static final ColumnSpec<Long, byte[]> BLOCKS = new ColumnSpec<>("consensus.blocks", Codecs.LONG, Codecs.BYTES);
    /** Transaction id to where it was included. */
    public static final ColumnSpec<byte[], byte[]> TX_INDEX = new ColumnSpec<>("consensus.txindex", Codecs.BYTES, Codecs.BYTES);
    /** The last final height and other single values. */
    public static final ColumnSpec<String, byte[]> META = new ColumnSpec<>("consensus.meta", Codecs.UTF8, Codecs.BYTES);
    /** What this validator signed, and its prepared certificate, so a restart never contradicts itself. */
    public static final ColumnSpec<byte[], byte[]> GUARD = new ColumnSpec<>("consensus.guard", Codecs.BYTES, Codecs.BYTES);

    public static final List<String> NAMES = List.of(STATE.name(), BLOCKS.name(), TX_INDEX.name(), META.name(), GUARD.name());

    private ConsensusColumns() {}
}
