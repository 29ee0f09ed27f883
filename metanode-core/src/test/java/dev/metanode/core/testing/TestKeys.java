package dev.metanode.core.testing;

import dev.metanode.core.crypto.SigningKey;
import java.util.Arrays;

/** Deterministic keys for tests: the same seed byte always gives the same key. */
public final class TestKeys {
    private TestKeys() {}

    public static SigningKey key(int seedByte) {
        byte[] seed = new byte[SigningKey.SEED_BYTES];
        Arrays.fill(seed, (byte) seedByte);
        return SigningKey.fromSeed(seed);
    }
}
