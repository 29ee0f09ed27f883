package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The valid round changes of one height. Per round, the first from each validator (bounded to
 * {@link #ROUNDS_AHEAD_MAX} rounds ahead); per validator, the highest round it asked for, which is
 * what the weak-quorum jump needs.
 */
final class RoundChanges {
    /** Round changes further ahead than this are only counted for the jump, not stored. */
    static final int ROUNDS_AHEAD_MAX = 64;

    private final ValidatorSet validators;
    private final Map<Integer, Map<PublicKey, RoundChange>> byRound = new HashMap<>();
    private final Map<PublicKey, Integer> highest = new HashMap<>();

    RoundChanges(ValidatorSet validators) {
        this.validators = validators;
    }

    /** Stores a valid round change; returns the conflicting earlier payload of the signer, if any. */
    Optional<SignedPayload> add(RoundChange rc, int currentRound) {
        SignedPayload p = rc.payload();
        highest.merge(p.signer(), p.round(), Math::max);
        if (p.round() > currentRound + ROUNDS_AHEAD_MAX) {
            return Optional.empty();
        }
        RoundChange earlier = byRound.computeIfAbsent(p.round(), r -> new LinkedHashMap<>()).putIfAbsent(p.signer(), rc);
        return earlier != null && earlier.payload().conflictsWith(p) ? Optional.of(earlier.payload()) : Optional.empty();
    }

    /** If members with more than a third of the power asked for rounds above {@code current}: the lowest such round. */
    OptionalInt weakQuorumJump(int current) {
        long power = 0;
        int lowest = Integer.MAX_VALUE;
        for (Map.Entry<PublicKey, Integer> e : highest.entrySet()) {
            if (e.getValue() > current) {
                power += validators.power(e.getKey());
                lowest = Math.min(lowest, e.getValue());
            }
        }
        return power >= validators.weakQuorumPower() ? OptionalInt.of(lowest) : OptionalInt.empty();
    }

    /** Whether any validator asked for a round above {@code round}. */
    boolean anyAbove(int round) {
        return highest.values().stream().anyMatch(r -> r > round);
    }

    /** The round changes for {@code round} if they carry a quorum of power. */
    Optional<List<RoundChange>> quorum(int round) {
        Map<PublicKey, RoundChange> m = byRound.getOrDefault(round, Map.of());
        long power = m.keySet().stream().mapToLong(validators::power).sum();
        return power >= validators.quorumPower() ? Optional.of(new ArrayList<>(m.values())) : Optional.empty();
    }

    /** Forgets rounds below {@code round}: their round changes can no longer elect anything. */
    void pruneBelow(int round) {
        byRound.keySet().removeIf(r -> r < round);
    }
}
