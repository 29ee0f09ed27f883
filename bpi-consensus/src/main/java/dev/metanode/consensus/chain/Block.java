package dev.metanode.consensus.chain;

import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.core.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;

/** A header and the ordered transactions it commits to (through its transactions root and PoH mixins). */
public record Block(BlockHeader header, List<Transaction> transactions) {
    /** Transactions in one block. */
    public static final int TXS_MAX = 2_000;
    /** Bytes of one encoded block, header included. */
    public static final int BYTES_MAX = 4 * 1024 * 1024;

    public Block {
        transactions = List.copyOf(transactions);
        if (transactions.size() > TXS_MAX) {
            throw new IllegalArgumentException("a block holds at most " + TXS_MAX + " transactions");
        }
    }

    public byte[] hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    /** The transactions root: the RFC 9162 Merkle root over the encoded transactions. */
    public static byte[] txRoot(List<Transaction> txs) {
        return Hashes.merkleRoot(txs.stream().map(Transaction::encode).toList());
    }

    /** The digests the PoH chain mixes in: the transaction ids, in block order. */
    public static List<byte[]> pohDigests(List<Transaction> txs) {
        return txs.stream().map(Transaction::id).toList();
    }

    public void write(WireWriter out) {
        out.bytes(header.encode());
        out.i32(transactions.size());
        transactions.forEach(tx -> out.bytes(tx.encode()));
    }

    public static Block read(WireReader in) throws MalformedMessageException {
        BlockHeader header = readHeader(in);
        int count = in.count(TXS_MAX, "transaction");
        List<Transaction> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                txs.add(Transaction.decode(in.bytes(Transaction.ENCODED_BYTES_MAX, "transaction"), dev.metanode.consensus.codec.KeyCache::key));
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException("bad transaction: " + e.getMessage());
            }
        }
        return new Block(header, txs);
    }

    /** The header alone, the transactions stepped over undecoded: what a reader of headers needs from a stored block. */
    static BlockHeader readHeaderOnly(WireReader in) throws MalformedMessageException {
        BlockHeader header = readHeader(in);
        int count = in.count(TXS_MAX, "transaction");
        for (int i = 0; i < count; i++) {
            in.skipBytes(Transaction.ENCODED_BYTES_MAX, "transaction");
        }
        return header;
    }

    private static BlockHeader readHeader(WireReader in) throws MalformedMessageException {
        try {
            return HeaderCodec.decode(in.bytes(HeaderCodec.HEADER_BYTES_MAX, "header"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad header: " + e.getMessage());
        }
    }
}
