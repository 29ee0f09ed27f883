package dev.metanode.consensus.chain;

import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** A final block: the block and the commit seals of a quorum of its validator set. */
public record SealedBlock(Block block, List<CommitSeal> seals) {
    public SealedBlock {
        seals = List.copyOf(seals);
    }

    public BlockHeader header() {
        return block.header();
    }

    public byte[] encode() {
        WireWriter out = new WireWriter();
        block.write(out);
        out.i32(seals.size());
        seals.forEach(s -> out.fixed(s.validator().bytes()).fixed(s.signature()));
        return out.toByteArray();
    }

    public static SealedBlock read(WireReader in) throws MalformedMessageException {
        Block block = Block.read(in);
        return new SealedBlock(block, readSeals(in));
    }

    private static List<CommitSeal> readSeals(WireReader in) throws MalformedMessageException {
        int count = in.count(ValidatorSet.VALIDATORS_MAX, "seal");
        List<CommitSeal> seals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            seals.add(new CommitSeal(dev.metanode.consensus.codec.KeyCache.key(in.fixed(PublicKey.KEY_BYTES)), in.fixed(PublicKey.SIGNATURE_BYTES)));
        }
        return seals;
    }

    /** The sealed header of an encoded sealed block, its transactions not decoded. */
    public static SealedHeader decodeHeader(byte[] bytes) throws MalformedMessageException {
        WireReader in = new WireReader(bytes);
        BlockHeader header = Block.readHeaderOnly(in);
        List<CommitSeal> seals = readSeals(in);
        in.end();
        return new SealedHeader(header, seals);
    }

    public static SealedBlock decode(byte[] bytes) throws MalformedMessageException {
        WireReader in = new WireReader(bytes);
        SealedBlock sealed = read(in);
        in.end();
        return sealed;
    }
}
