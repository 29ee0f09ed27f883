package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.Proposal;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.core.crypto.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One round's accepted proposal, prepares and commits: one entry per validator, the first one kept. */
final class RoundMessages {
    Proposal proposal;
    ExecutionResult execution;
    boolean proposed;
    boolean sentCommit;
    private final Map<PublicKey, SignedPayload> prepares = new LinkedHashMap<>();
    private final Map<PublicKey, Commit> commits = new LinkedHashMap<>();

    /** Stores a prepare; returns the earlier, different prepare of the same signer if this is a conflict. */
    Optional<SignedPayload> addPrepare(SignedPayload p) {
        SignedPayload earlier = prepares.putIfAbsent(p.signer(), p);
        return earlier != null && earlier.conflictsWith(p) ? Optional.of(earlier) : Optional.empty();
    }

    Optional<SignedPayload> addCommit(Commit c) {
        Commit earlier = commits.putIfAbsent(c.payload().signer(), c);
        return earlier != null && earlier.payload().conflictsWith(c.payload()) ? Optional.of(earlier.payload()) : Optional.empty();
    }

    List<SignedPayload> preparesFor(byte[] digest) {
        return prepares.values().stream().filter(p -> p.hasDigest(digest)).toList();
    }

    List<Commit> commitsFor(byte[] digest) {
        return commits.values().stream().filter(c -> c.payload().hasDigest(digest)).toList();
    }

    Map<PublicKey, Commit> commits() {
        return commits;
    }

    static long power(ValidatorSet set, List<PublicKey> signers) {
        return signers.stream().mapToLong(set::power).sum();
    }
}
