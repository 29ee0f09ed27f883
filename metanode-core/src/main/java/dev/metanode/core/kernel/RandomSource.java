package dev.metanode.core.kernel;

import java.security.SecureRandom;

/** Randomness, injected so a seeded source can replace the system's in tests and simulations. */
public interface RandomSource {
    void nextBytes(byte[] out);

    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
