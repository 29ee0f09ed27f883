package dev.metanode.consensus.payload;

import dev.metanode.consensus.chain.Block;
import java.util.List;

/**
 * A proposer's block for (height, round). In round 0 it needs no justification. In a later round it
 * carries the quorum of round changes that elected this round ({@code roundChanges}) and, if any of
 * them had prepared a block, the prepares proving the highest such ({@code preparedCertificate}): the
 * proposer must then re-propose exactly that block.
 */
public record Proposal(SignedPayload payload, Block block, List<SignedPayload> roundChanges,
        List<SignedPayload> preparedCertificate) implements Message {
    public Proposal {
        roundChanges = List.copyOf(roundChanges);
        preparedCertificate = List.copyOf(preparedCertificate);
    }
}
