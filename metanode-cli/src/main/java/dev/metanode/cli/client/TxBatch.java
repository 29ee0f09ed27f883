package dev.metanode.cli.client;

import dev.metanode.core.ledger.Transaction;
import java.nio.ByteBuffer;
import java.util.List;

/** The body of {@code POST /api/v1/chain/txs}: each transaction's encoding behind its 4-byte big-endian length. */
public final class TxBatch {
    private TxBatch() {}

    public static byte[] encode(List<Transaction> txs) {
        List<byte[]> encoded = txs.stream().map(Transaction::encode).toList();
        ByteBuffer out = ByteBuffer.allocate(encoded.stream().mapToInt(b -> 4 + b.length).sum());
        for (byte[] bytes : encoded) {
            out.putInt(bytes.length).put(bytes);
        }
        return out.array();
    }
}
