package dev.metanode.core.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the shared Merkle test vectors ({@code shared/testdata/merkle}) next to the repository. */
final class MerkleTestData {
    /** Overrides the search with an explicit directory. */
    static final String PROPERTY = "metanode.testdata.merkle";
    private static final Path RELATIVE = Paths.get("shared", "testdata", "merkle");

    private MerkleTestData() {}

    /**
     * The vectors directory: the system property if set, else the first {@code shared/testdata/merkle}
     * found walking up from the working directory (the repo is {@code X/<worktree>} and the vectors
     * {@code X/shared}, and Maven runs tests from the module directory). Fails loudly when absent,
     * because silently skipping the vectors would hide a broken verifier.
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
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("reference-tree.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Merkle test vectors not found: no " + RELATIVE + " in " + start
                + " or any parent; check out the shared test data next to the repository or set -D" + PROPERTY);
    }
}
