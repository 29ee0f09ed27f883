package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.payload.Proposal;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.validation.CertificateValidator;
import dev.metanode.consensus.validation.HeightContext;
import java.util.Optional;

/**
 * QBFT's justification rules. A round-0 proposal carries no certificates and a fresh block of that
 * round. A later round's proposal carries a quorum of round changes for its round; if any of them
 * prepared a block, the proposal must be the highest such block with its prepared certificate,
 * otherwise a fresh block of this round by this proposer.
 */
final class ProposalJustifier {
    private final HeightContext context;
    private final CertificateValidator certificates;

    ProposalJustifier(HeightContext context, CertificateValidator certificates) {
        this.context = context;
        this.certificates = certificates;
    }

    boolean justified(Proposal p) {
        int round = p.payload().round();
        Block block = p.block();
        boolean fresh = block.header().round() == round && block.header().proposer().equals(p.payload().signer());
        if (round == 0) {
            return fresh && p.roundChanges().isEmpty() && p.preparedCertificate().isEmpty();
        }
        Optional<SignedPayload> best = certificates.roundChangeCertificate(round, p.roundChanges());
        if (best.isEmpty()) {
            return false;
        }
        int preparedRound = best.get().preparedRound();
        if (preparedRound < 0) {
            return fresh && p.preparedCertificate().isEmpty();
        }
        return best.get().hasDigest(block.hash())
                && certificates.preparedCertificate(preparedRound, block.hash(), p.preparedCertificate());
    }

    /** A round change is valid if signed by a member and, when it claims a prepared block, proves it. */
    boolean validRoundChange(RoundChange rc) {
        SignedPayload p = rc.payload();
        if (!certificates.validMember(p)) {
            return false;
        }
        if (p.preparedRound() < 0) {
            return rc.preparedBlock().isEmpty() && rc.preparedCertificate().isEmpty();
        }
        return rc.preparedBlock().isPresent() && p.hasDigest(rc.preparedBlock().get().hash())
                && rc.preparedBlock().get().height() == context.height()
                && certificates.preparedCertificate(p.preparedRound(), p.digest(), rc.preparedCertificate());
    }
}
