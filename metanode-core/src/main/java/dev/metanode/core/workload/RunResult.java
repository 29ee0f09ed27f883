package dev.metanode.core.workload;

import dev.metanode.core.receipt.ReceiptDraft;
import java.util.List;
import java.util.Optional;

/**
 * Everything a caged run produced.
 *
 * @param exit         how the program ended
 * @param stdout       standard output, bounded, with the digest of all of it
 * @param stderr       standard error, bounded, with the digest of all of it
 * @param outputs      files found in the output directory after the run, sorted by path
 * @param usage        resources used (measured, not part of the witness root)
 * @param witnessRoot  lower-case hex Merkle root (RFC 9162 hashing) over the run's witness entries
 * @param receipt      the step receipt draft: subjects are the digests, inputs the full spec for replay
 * @param containments what the cage stopped or limited, empty when nothing
 */
public record RunResult(ExitStatus exit, CapturedOutput stdout, CapturedOutput stderr, List<FileDigest> outputs,
        ResourceUsage usage, String witnessRoot, ReceiptDraft receipt, List<Containment> containments) {

    public RunResult {
        outputs = List.copyOf(outputs);
        containments = List.copyOf(containments);
    }

    /** True when the cage stopped or limited something. */
    public boolean contained() {
        return !containments.isEmpty();
    }

    /** The first containment of this kind, if any. */
    public Optional<Containment> containment(ContainmentReason reason) {
        return containments.stream().filter(c -> c.reason() == reason).findFirst();
    }
}
