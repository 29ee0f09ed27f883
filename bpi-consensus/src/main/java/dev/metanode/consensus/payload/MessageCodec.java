package dev.metanode.consensus.payload;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.codec.KeyCache;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.consensus.vrf.RHints;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.ledger.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire form: a version byte, a kind byte, then the fields in {@link WireWriter}'s bounded binary.
 * Decoding checks every count and length against the limits before allocating.
 */
public final class MessageCodec {
    /** One message: a proposal or round change carries at most one block plus two certificates. */
    public static final int MESSAGE_BYTES_MAX = Block.BYTES_MAX + 256 * 1024;
    private static final int VERSION = 1;
    private static final int PROPOSAL = 1;
    private static final int PREPARE = 2;
    private static final int COMMIT = 3;
    private static final int ROUND_CHANGE = 4;
    private static final int TX = 5;
    private static final int BLOCK_REQUEST = 6;
    private static final int FINAL_BLOCK = 7;
    private static final int CHECKPOINT = 8;
    /** Several gossiped transactions; TX (one) is still read, from nodes of earlier versions. */
    private static final int TXS = 9;
    /**
     * Several gossiped transactions, each with the x of its signature's R when the sender has it
     * ({@link RHints}: the receivers skip a square root per signature). Sent since 2026-12-07; TXS
     * is still read.
     */
    private static final int TXS_HINTED = 10;

    private MessageCodec() {}

    public static byte[] encode(Message message) {
        WireWriter out = new WireWriter().u8(VERSION);
        switch (message) {
            case Proposal p -> {
                out.u8(PROPOSAL);
                p.payload().write(out);
                p.block().write(out);
                writeList(out, p.roundChanges());
                writeList(out, p.preparedCertificate());
            }
            case Prepare p -> p.payload().write(out.u8(PREPARE));
            case Commit c -> {
                c.payload().write(out.u8(COMMIT));
                out.fixed(c.seal());
            }
            case RoundChange rc -> {
                rc.payload().write(out.u8(ROUND_CHANGE));
                out.u8(rc.preparedBlock().isPresent() ? 1 : 0);
                rc.preparedBlock().ifPresent(b -> b.write(out));
                writeList(out, rc.preparedCertificate());
            }
            case TxGossip t -> {
                out.u8(TXS_HINTED).i32(t.txs().size());
                for (Transaction tx : t.txs()) {
                    out.bytes(tx.encode());
                    byte[] x = RHints.x(tx.signature());
                    out.u8(x == null ? 0 : 1);
                    if (x != null) {
                        out.fixed(x);
                    }
                }
            }
            case BlockRequest r -> out.u8(BLOCK_REQUEST).i64(r.height());
            case FinalBlock f -> out.u8(FINAL_BLOCK).fixed(f.block().encode());
            case CheckpointGossip c -> out.u8(CHECKPOINT).bytes(c.checkpoint().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * Whether {@code bytes} claim to be gossiped transactions, read from the kind byte alone (before
     * decoding): they may wait behind the QBFT messages that decide blocks.
     */
    public static boolean isTransactionGossip(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && bytes[0] == VERSION
                && (bytes[1] == TX || bytes[1] == TXS || bytes[1] == TXS_HINTED);
    }

    public static Message decode(byte[] bytes) throws MalformedMessageException {
        if (bytes == null || bytes.length > MESSAGE_BYTES_MAX) {
            throw new MalformedMessageException("message longer than " + MESSAGE_BYTES_MAX + " bytes");
        }
        WireReader in = new WireReader(bytes);
        if (in.u8() != VERSION) {
            throw new MalformedMessageException("unknown message version");
        }
        Message message = switch (in.u8()) {
            case PROPOSAL -> new Proposal(SignedPayload.read(in), Block.read(in), readList(in), readList(in));
            case PREPARE -> new Prepare(SignedPayload.read(in));
            case COMMIT -> new Commit(SignedPayload.read(in), in.fixed(PublicKey.SIGNATURE_BYTES));
            case ROUND_CHANGE -> {
                SignedPayload payload = SignedPayload.read(in);
                Optional<Block> block = in.u8() == 1 ? Optional.of(Block.read(in)) : Optional.empty();
                yield new RoundChange(payload, block, readList(in));
            }
            case TX -> new TxGossip(decodeTx(in.bytes(Transaction.ENCODED_BYTES_MAX, "transaction")));
            case TXS -> readGossip(in, false);
            case TXS_HINTED -> readGossip(in, true);
            case BLOCK_REQUEST -> new BlockRequest(in.i64());
            case FINAL_BLOCK -> new FinalBlock(SealedBlock.read(in));
            case CHECKPOINT -> new CheckpointGossip(checkpointText(in.bytes(BlockHeader.CHECKPOINT_CHARS_MAX, "checkpoint")));
            default -> throw new MalformedMessageException("unknown message kind");
        };
        in.end();
        return message;
    }

    /** Gossiped transactions; with hints, each is followed by 0, or 1 and its R's x, which goes to {@link RHints} unchecked. */
    private static TxGossip readGossip(WireReader in, boolean hinted) throws MalformedMessageException {
        int count = in.count(TxGossip.TXS_MAX, "gossiped transaction");
        if (count == 0) {
            throw new MalformedMessageException("no gossiped transactions");
        }
        List<Transaction> txs = new java.util.ArrayList<>(count);
        List<byte[]> hints = new java.util.ArrayList<>(hinted ? count : 0);
        for (int i = 0; i < count; i++) {
            Transaction tx = decodeTx(in.bytes(Transaction.ENCODED_BYTES_MAX, "transaction"));
            txs.add(tx);
            if (hinted) {
                int flag = in.u8();
                if (flag > 1) {
                    throw new MalformedMessageException("an R hint flag is 0 or 1");
                }
                hints.add(flag == 1 ? in.fixed(RHints.BYTES) : null);
            }
        }
        // Hints are kept once every transaction of the message has decoded.
        for (int i = 0; i < hints.size(); i++) {
            if (hints.get(i) != null) {
                RHints.offer(txs.get(i).signature(), hints.get(i));
            }
        }
        return new TxGossip(txs);
    }

    private static String checkpointText(byte[] bytes) throws MalformedMessageException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.isEmpty()) {
                throw new MalformedMessageException("empty checkpoint");
            }
            return text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedMessageException("checkpoint is not UTF-8");
        }
    }

    private static Transaction decodeTx(byte[] bytes) throws MalformedMessageException {
        try {
            return Transaction.decode(bytes, KeyCache::key);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad transaction: " + e.getMessage());
        }
    }

    private static void writeList(WireWriter out, List<SignedPayload> payloads) {
        out.i32(payloads.size());
        payloads.forEach(p -> p.write(out));
    }

    private static List<SignedPayload> readList(WireReader in) throws MalformedMessageException {
        int n = in.count(ValidatorSet.VALIDATORS_MAX, "certificate entry");
        List<SignedPayload> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(SignedPayload.read(in));
        }
        return list;
    }
}
