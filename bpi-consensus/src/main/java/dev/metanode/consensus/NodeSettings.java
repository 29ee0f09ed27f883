package dev.metanode.consensus;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.statemachine.RoundTimer;
import java.util.Objects;

/**
 * The chain a node joins and how it paces rounds. {@code verifier} checks signatures and VRF proofs;
 * a node uses a {@link dev.metanode.consensus.chain.CachingVerifier} by default, the simulator shares one.
 */
public record NodeSettings(Genesis genesis, RoundTimer timer, SignatureVerifier verifier) {
    public NodeSettings {
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(verifier, "verifier");
    }

    public static NodeSettings of(Genesis genesis) {
        return new NodeSettings(genesis, RoundTimer.DEFAULT,
                new dev.metanode.consensus.chain.CachingVerifier(SignatureVerifier.DIRECT));
    }
}
