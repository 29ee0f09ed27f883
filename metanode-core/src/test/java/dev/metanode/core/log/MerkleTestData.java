package dev.metanode.core.log;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the Merkle test vectors: the copy in this module's test resources, or another given by a property. */
final class MerkleTestData {
    /** Overrides the copy in the test resources with an explicit directory. */
    static final String PROPERTY = "metanode.testdata.merkle";
    private static final String RESOURCE = "/merkle-vectors/reference-tree.json";

    private MerkleTestData() {}

    /**
     * The vectors directory: the system property if set, else {@code merkle-vectors} of the test
     * resources (transparency-dev/merkle's public vectors, copied in so a bare clone runs them).
     * Fails loudly when absent, because silently skipping the vectors would hide a broken verifier.
     */
    static Path dir() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Paths.get(explicit);
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + " is not a directory");
            }
            return path;
        }
        URL reference = MerkleTestData.class.getResource(RESOURCE);
        if (reference == null) {
            throw new IllegalStateException("Merkle test vectors not found: no " + RESOURCE
                    + " on the test class path; set -D" + PROPERTY);
        }
        try {
            return Paths.get(reference.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Merkle test vectors at an unusable location " + reference, e);
        }
    }
}
