package dev.metanode.consensus.chain;

import dev.metanode.core.crypto.PublicKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Light-client verification: does this header, by itself, carry proof that it is final for the given
 * validator set? Checks that the set is the one the header names, that the proposer is a member with
 * a valid VRF proof for (parent hash, height, round), that the PoH segment is well-formed, and that
 * distinct members holding more than two thirds of the power sealed the header's hash. It does not
 * re-run transactions or recompute PoH (that needs the block body; see the full validation).
 */
public final class HeaderVerifier {
    private HeaderVerifier() {}

    /** @throws InvalidBlockException naming the first check that failed */
    public static void verify(SealedHeader sealed, ValidatorSet validators) throws InvalidBlockException {
        verify(sealed, validators, SignatureVerifier.DIRECT);
    }

    public static void verify(SealedHeader sealed, ValidatorSet validators, SignatureVerifier verifier)
            throws InvalidBlockException {
        BlockHeader header = sealed.header();
        if (!Arrays.equals(header.validatorsHash(), validators.hash())) {
            throw new InvalidBlockException("header names another validator set");
        }
        vrfOutput(header, validators, verifier);
        Optional<String> poh = header.poh().shapeProblem(header.poh().mixins().length);
        if (poh.isPresent()) {
            throw new InvalidBlockException(poh.get());
        }
        checkSeals(header.hash(), sealed, validators, verifier);
    }

    /** The proposer's VRF output, after checking the proposer is a member and its proof is valid. */
    public static byte[] vrfOutput(BlockHeader header, ValidatorSet validators, SignatureVerifier verifier)
            throws InvalidBlockException {
        Validator proposer = validators.find(header.proposer())
                .orElseThrow(() -> new InvalidBlockException("proposer " + header.proposer().fingerprint()
                        + " is not a validator"));
        byte[] alpha = Domains.vrfInput(header.parentHash(), header.height(), header.round());
        return verifier.vrfVerify(proposer.vrfKey(), alpha, header.vrfProof())
                .orElseThrow(() -> new InvalidBlockException("VRF proof does not verify"));
    }

    private static void checkSeals(byte[] hash, SealedHeader sealed, ValidatorSet validators, SignatureVerifier verifier)
            throws InvalidBlockException {
        Set<PublicKey> signers = new HashSet<>();
        long power = 0;
        for (CommitSeal seal : sealed.seals()) {
            if (!validators.contains(seal.validator())) {
                throw new InvalidBlockException("seal from non-validator " + seal.validator().fingerprint());
            }
            if (!signers.add(seal.validator())) {
                throw new InvalidBlockException("two seals from " + seal.validator().fingerprint());
            }
            if (!verifier.verify(seal.validator(), Domains.commitSeal(hash), seal.signature())) {
                throw new InvalidBlockException("bad seal from " + seal.validator().fingerprint());
            }
            power += validators.power(seal.validator());
        }
        if (power < validators.quorumPower()) {
            throw new InvalidBlockException("seals carry power " + power + ", a quorum needs " + validators.quorumPower());
        }
    }
}
