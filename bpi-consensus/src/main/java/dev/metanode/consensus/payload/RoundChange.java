package dev.metanode.consensus.payload;

import dev.metanode.consensus.chain.Block;
import java.util.List;
import java.util.Optional;

/**
 * A validator moves to {@code payload.round()}. If it had prepared a block, the payload names the
 * round and hash, {@code preparedBlock} is that block and {@code preparedCertificate} the quorum of
 * prepares that justifies it, so that the next proposer can re-propose it.
 */
public record RoundChange(SignedPayload payload, Optional<Block> preparedBlock, List<SignedPayload> preparedCertificate)
        implements Message {
    public RoundChange {
        preparedCertificate = List.copyOf(preparedCertificate);
    }
}
