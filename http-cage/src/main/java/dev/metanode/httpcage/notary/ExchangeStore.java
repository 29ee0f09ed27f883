package dev.metanode.httpcage.notary;

import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where notarised exchange records live, so that each can be proven later: batch root (hex) →
 * the batch's records, one canonical JSON per line (canonical JSON escapes every control
 * character, so a record never holds a raw newline), one value per batch; and batch root → the id
 * of the pipeline receipt that signs it. The records of a batch are written before its
 * receipt is appended (the log's fsync makes them durable with it).
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

    private final KvStore store;

    public ExchangeStore(KvStore store) {
        this.store = store;
    }

    public static String id(byte[] root, int position) {
        return ID_PREFIX + HexFormat.of().formatHex(root).substring(0, ID_ROOT_HEX_CHARS) + "." + position;
    }

    /** Writes every record of the batch (not synced: the receipt's group commit syncs them). */
    public void putRecords(ExchangeBatch batch) {
        StringBuilder lines = new StringBuilder(batch.size() * 400);
        for (int i = 0; i < batch.size(); i++) {
            lines.append(new String(batch.record(i), StandardCharsets.UTF_8)).append('\n');
        }
        store.write(new WriteBatch().put(RECORDS, HexFormat.of().formatHex(batch.root()), lines.toString()), false);
    }

    public void putReceipt(byte[] root, String receiptId) {
        store.write(new WriteBatch().put(BATCHES, HexFormat.of().formatHex(root), receiptId), false);
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
