package dev.metanode.consensus.validation;

import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.crypto.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks the two QBFT certificates: a quorum of prepares, and a quorum of round changes. */
public final class CertificateValidator {
    private final HeightContext context;
    private final SignatureVerifier verifier;

    public CertificateValidator(HeightContext context, SignatureVerifier verifier) {
        this.context = context;
        this.verifier = verifier;
    }

    /** A signed payload of a member of this height's set, with a valid signature. */
    public boolean validMember(SignedPayload p) {
        return p.height() == context.height() && context.validators().contains(p.signer())
                && p.verify(context.chainId(), verifier);
    }

    /** Prepares of distinct members with quorum power, all for (height, round, digest). */
    public boolean preparedCertificate(int round, byte[] digest, List<SignedPayload> prepares) {
        return quorumOfDistinct(prepares, p -> p.type() == MessageType.PREPARE && p.round() == round && p.hasDigest(digest));
    }

    /**
     * Round changes of distinct members with quorum power, all for {@code round}; returns the highest
     * prepared claim among them (round -1 if none), or empty if the certificate is invalid or two
     * claims of the highest round name different blocks.
     */
    public Optional<SignedPayload> roundChangeCertificate(int round, List<SignedPayload> roundChanges) {
        if (!quorumOfDistinct(roundChanges, p -> p.type() == MessageType.ROUND_CHANGE && p.round() == round)) {
            return Optional.empty();
        }
        SignedPayload best = roundChanges.get(0);
        for (SignedPayload rc : roundChanges) {
            if (rc.preparedRound() > best.preparedRound()) {
                best = rc;
            }
        }
        for (SignedPayload rc : roundChanges) {
            if (rc.preparedRound() == best.preparedRound() && best.preparedRound() >= 0 && !rc.hasDigest(best.digest())) {
                return Optional.empty();
            }
        }
        return Optional.of(best);
    }

    private boolean quorumOfDistinct(List<SignedPayload> payloads, java.util.function.Predicate<SignedPayload> shape) {
        Set<PublicKey> signers = new HashSet<>();
        long power = 0;
        for (SignedPayload p : payloads) {
            if (!shape.test(p) || !signers.add(p.signer()) || !validMember(p)) {
                return false;
            }
            power += context.validators().power(p.signer());
        }
        return power >= context.validators().quorumPower();
    }
}
