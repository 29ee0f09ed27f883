package dev.metanode.consensus;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;

/** Genesis documents for tests: validators keyed by TestKeys seeds 1..n, with equal power. */
public final class TestChains {
    private TestChains() {}

    public static List<SigningKey> keys(int n) {
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            keys.add(TestKeys.key(i));
        }
        return keys;
    }

    public static Validator validator(SigningKey key, long power) {
        return new Validator(key.publicKey(), VrfSecretKey.derive(key).publicKey(), power);
    }

    public static Genesis genesis(List<SigningKey> keys) {
        return new Genesis("test-chain", new ValidatorSet(keys.stream().map(k -> validator(k, 10)).toList()), 1_000_000L);
    }

    /** A sink that drops everything: a single validator has no one to talk to. */
    public static final MessageSink NOWHERE = new MessageSink() {
        @Override
        public void broadcast(byte[] message) {}

        @Override
        public void send(dev.metanode.core.crypto.PublicKey peer, byte[] message) {}
    };
}
