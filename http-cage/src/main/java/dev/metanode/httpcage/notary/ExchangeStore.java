package dev.metanode.httpcage.notary;

import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where notarised exchange records live, so that each can be proven later: batch root (hex) →
 * the batch's records, one canonical JSON per line (canonical JSON escapes every control
 * character, so a record never holds a raw newline), one value per batch; and batch root → the id
 * of the pipeline receipt that signs it. The records of a batch are written before its
 * receipt is appended (the log's fsync makes them durable with it), together with a pending
 * marker ({@value #PENDING_PREFIX}root → the log's size then) that the receipt's id replaces: a
 * crash between the two leaves the marker, and {@link NotaryRecovery} finishes the batch on the
 * next start.
 */
public final class ExchangeStore {
    public static final ColumnSpec<String, String> RECORDS = new ColumnSpec<>("http.exchanges", Codecs.UTF8, Codecs.UTF8);
    public static final ColumnSpec<String, String> BATCHES = new ColumnSpec<>("http.exchange-batches", Codecs.UTF8,
            Codecs.UTF8);
    /** Column names, for opening the store. */
    public static final List<String> COLUMNS = List.of(RECORDS.name(), BATCHES.name());
    /** Exchange ids: {@code hx_} + this many hex characters of the batch root + {@code .} + position. */
    public static final int ID_ROOT_HEX_CHARS = 20;
    public static final String ID_PREFIX = "hx_";
    /** Key prefix, in {@link #BATCHES}, of batches whose receipt id is not stored yet; not hex, so never a root. */
    static final String PENDING_PREFIX = "pending/";

    private final KvStore store;

    public ExchangeStore(KvStore store) {
        this.store = store;
    }

    public static String id(byte[] root, int position) {
        return ID_PREFIX + HexFormat.of().formatHex(root).substring(0, ID_ROOT_HEX_CHARS) + "." + position;
    }

    /**
     * Writes every record of the batch and its pending marker (not synced: the receipt's group
     * commit syncs them).
     *
     * @param logSize the receipt log's size before the batch's receipt is appended: its receipt,
     *                if it ever becomes durable, has at least this index
     */
    public void putRecords(ExchangeBatch batch, long logSize) {
        StringBuilder lines = new StringBuilder(batch.size() * 400);
        for (int i = 0; i < batch.size(); i++) {
            lines.append(new String(batch.record(i), StandardCharsets.UTF_8)).append('\n');
        }
        String root = HexFormat.of().formatHex(batch.root());
        store.write(new WriteBatch().put(RECORDS, root, lines.toString())
                .put(BATCHES, PENDING_PREFIX + root, Long.toString(logSize)), false);
    }

    /** Links a batch to its durable receipt and clears its pending marker, in one write. */
    public void putReceipt(byte[] root, String receiptId) {
        String hex = HexFormat.of().formatHex(root);
        store.write(new WriteBatch().put(BATCHES, hex, receiptId).delete(BATCHES, PENDING_PREFIX + hex), false);
    }

    /** Drops a pending marker whose batch has no records left. */
    void forgetPending(byte[] root) {
        store.write(new WriteBatch().delete(BATCHES, PENDING_PREFIX + HexFormat.of().formatHex(root)), false);
    }

    /** Batches written without a stored receipt id: root (hex) → the log's size when they were written. */
    public Map<String, Long> pending() {
        Map<String, Long> pending = new TreeMap<>();
        store.scan(BATCHES, PENDING_PREFIX, (k, v) -> {
            if (!k.startsWith(PENDING_PREFIX)) {
                return false;
            }
            pending.put(k.substring(PENDING_PREFIX.length()), Long.parseLong(v));
            return true;
        });
        return pending;
    }

    /** A stored exchange: its batch (every record, to rebuild the path), its position, and the receipt id. */
    public record Found(byte[] root, List<byte[]> records, int position, String receiptId) {}

    /** The exchange with this id, if it is stored and its batch's receipt is known. */
    public Optional<Found> find(String exchangeId) {
        if (!exchangeId.matches(ID_PREFIX + "[0-9a-f]{" + ID_ROOT_HEX_CHARS + "}\\.[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + exchangeId + "' is not an exchange id (hx_<20 hex>.<position>)");
        }
        int dot = exchangeId.indexOf('.');
        String rootPrefix = exchangeId.substring(ID_PREFIX.length(), dot);
        int position = Integer.parseInt(exchangeId.substring(dot + 1));
        String[] root = new String[1];
        store.scan(BATCHES, rootPrefix, (k, v) -> {
            if (k.startsWith(rootPrefix)) {
                root[0] = k;
            }
            return false;
        });
        if (root[0] == null) {
            return Optional.empty();
        }
        List<byte[]> records = batch(HexFormat.of().parseHex(root[0]));
        if (position >= records.size()) {
            return Optional.empty();
        }
        return Optional.of(new Found(HexFormat.of().parseHex(root[0]), records, position,
                store.get(BATCHES, root[0]).orElseThrow()));
    }

    /** The records of the batch with this root, in position order; empty if none are stored. */
    public List<byte[]> batch(byte[] root) {
        List<byte[]> records = new ArrayList<>();
        store.get(RECORDS, HexFormat.of().formatHex(root)).ifPresent(lines -> lines.lines()
                .forEach(line -> records.add(line.getBytes(StandardCharsets.UTF_8))));
        return records;
    }
}
