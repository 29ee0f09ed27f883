package dev.metanode.core.log;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptIds;
import dev.metanode.core.receipt.ReceiptVerifier;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link ProofBundle} offline: the checkpoint's note signature, the receipt's DSSE
 * signature, the id, and the inclusion proof from the receipt's leaf to the checkpoint's root.
 */
public final class BundleVerifier {
    private final List<NoteVerifierKey> trusted;

    public BundleVerifier(List<NoteVerifierKey> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("verification needs at least one trusted key");
        }
        this.trusted = List.copyOf(trusted);
    }

    public VerificationReport verify(ProofBundle bundle) {
        VerificationReport report = new VerificationReport();
        Checkpoint checkpoint = checkCheckpoint(bundle, report);
        if (checkpoint == null || !checkReceipt(bundle, report)) {
            return report;
        }
        if (bundle.treeSize() != checkpoint.size()) {
            return report.fail("inclusion", "bundle tree size " + bundle.treeSize() + " is not the checkpoint's "
                    + checkpoint.size());
        }
        byte[] leaf = MerkleHash.leafHash(bundle.envelope());
        try {
            MerkleVerifier.verifyInclusion(bundle.leafIndex(), checkpoint.size(), leaf, bundle.proof(),
                    checkpoint.rootHash());
            return report.pass("inclusion", "leaf " + bundle.leafIndex() + " is in the tree of " + checkpoint.size()
                    + " receipts (" + bundle.proof().size() + " proof hashes)");
        } catch (ProofException e) {
            return report.fail("inclusion", e.getMessage());
        }
    }

    private Checkpoint checkCheckpoint(ProofBundle bundle, VerificationReport report) {
        for (NoteVerifierKey key : trusted) {
            try {
                Checkpoint checkpoint = CheckpointVerifier.verify(bundle.checkpoint(), key);
                report.pass("checkpoint signature", "signed by " + key.name() + " (key id " + key.keyIdHex()
                        + "), origin " + checkpoint.origin() + ", size " + checkpoint.size());
                return checkpoint;
            } catch (NoteException | RuntimeException e) {
                // not this key; try the next one
            }
        }
        report.fail("checkpoint signature", "no trusted key signed the checkpoint");
        return null;
    }

    private boolean checkReceipt(ProofBundle bundle, VerificationReport report) {
        Receipt receipt;
        try {
            receipt = Receipt.parse(bundle.envelope());
        } catch (IllegalArgumentException e) {
            report.fail("receipt", e.getMessage());
            return false;
        }
        List<PublicKey> keys = trusted.stream().map(NoteVerifierKey::publicKey).toList();
        Optional<PublicKey> signer = ReceiptVerifier.verify(receipt, keys);
        if (signer.isEmpty()) {
            report.fail("receipt signature", "the DSSE signature does not verify with any trusted key");
            return false;
        }
        report.pass("receipt signature", "DSSE/in-toto envelope signed by ed25519 key " + signer.get().fingerprint());
        String id = ReceiptIds.fromLeafHash(MerkleHash.leafHash(bundle.envelope()));
        if (!id.equals(bundle.receiptId())) {
            report.fail("receipt id", "the envelope hashes to " + id + ", not " + bundle.receiptId());
            return false;
        }
        report.pass("receipt id", id + " is the envelope's leaf hash");
        return true;
    }
}
