package dev.metanode.core.log;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, as the C2SP/
 * transparency-dev verifiers do: a proof with too many or too few hashes is rejected up front, as
 * is any size combination for which no proof exists.
 *
 * <p>Both algorithms walk two indices up the tree: {@code fn}, the node on the path, and
 * {@code sn}, the last node of the tree at the same level. Each step consumes one proof hash;
 * the proof is complete exactly when {@code sn} reaches 0. {@link Walk} is that walk, used both to
 * count the expected proof length and to combine the hashes, so the two can never disagree.
 */
public final class MerkleVerifier {
    private MerkleVerifier() {}

    /**
     * Checks that {@code leafHash} is leaf {@code leafIndex} of the tree of {@code size} leaves whose
     * root is {@code root}.
     *
     * @throws ProofException with the reason, if the proof does not prove that
     */
    public static void verifyInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        if (leafIndex < 0) {
            throw new ProofException("leaf index must not be negative, got " + leafIndex);
        }
        if (leafIndex >= size) {
            throw new ProofException("leaf index " + leafIndex + " is not below the tree size " + size);
        }
        if (leafHash == null || leafHash.length != MerkleHash.HASH_BYTES) {
            throw new ProofException("leaf hash must be " + MerkleHash.HASH_BYTES + " bytes, got "
                    + (leafHash == null ? "none" : leafHash.length));
        }
        checkProofShape(proof, new Walk(leafIndex, size - 1).length());
        Walk walk = new Walk(leafIndex, size - 1);
        byte[] r = leafHash;
        for (byte[] p : proof) {
            r = walk.next() ? MerkleHash.nodeHash(p, r) : MerkleHash.nodeHash(r, p);
        }
        requireEqual(r, root, "root");
    }

    /**
     * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
     * {@code size2} leaves with root {@code root2}.
     *
     * @throws ProofException with the reason, if the proof does not prove that; in particular for
     *     {@code size1 == 0}, since a proof from the empty tree proves nothing
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws ProofException {
        if (size1 < 0 || size2 < 0) {
            throw new ProofException("tree sizes must not be negative, got " + size1 + " and " + size2);
        }
        if (size1 > size2) {
            throw new ProofException("size1 " + size1 + " is larger than size2 " + size2 + ": a log never shrinks");
        }
        if (size1 == 0) {
            throw new ProofException("size1 is 0: every tree extends the empty tree, a proof from it proves nothing");
        }
        if (proof == null) {
            throw new ProofException("no proof given");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("sizes are equal, so the proof must be empty, got " + proof.size() + " hashes");
            }
            requireEqual(root1, root2, "root2 (equal sizes need equal roots)");
            return;
        }
        // RFC 9162 §2.1.4.2 steps 2-4: when size1 is a power of two, the old root is itself the
        // first node on the path and is not sent; otherwise the proof starts with that node.
        boolean oldRootIsNode = Long.bitCount(size1) == 1;
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        int skip = oldRootIsNode ? 0 : 1;
        checkProofShape(proof, skip + new Walk(fn, sn).length());
        Walk walk = new Walk(fn, sn);
        byte[] fr = oldRootIsNode ? root1 : proof.get(0);
        byte[] sr = fr;
        for (byte[] c : proof.subList(skip, proof.size())) {
            if (walk.next()) {
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
            } else {
                sr = MerkleHash.nodeHash(sr, c);
            }
        }
        requireEqual(fr, root1, "root1");
        requireEqual(sr, root2, "root2");
    }

    private static void checkProofShape(List<byte[]> proof, int expected) throws ProofException {
        if (proof == null) {
            throw new ProofException("no proof given");
        }
        if (proof.size() > expected) {
            throw new ProofException("proof has too many hashes: " + proof.size() + ", expected " + expected);
        }
        if (proof.size() < expected) {
            throw new ProofException("proof has too few hashes: " + proof.size() + ", expected " + expected);
        }
        for (int i = 0; i < proof.size(); i++) {
            byte[] h = proof.get(i);
            if (h == null || h.length != MerkleHash.HASH_BYTES) {
                throw new ProofException("proof hash " + i + " must be " + MerkleHash.HASH_BYTES + " bytes, got "
                        + (h == null ? "none" : h.length));
            }
        }
    }

    private static void requireEqual(byte[] computed, byte[] given, String what) throws ProofException {
        if (given == null) {
            throw new ProofException("no " + what + " given");
        }
        // Constant time is not needed (all inputs are public), but MessageDigest.isEqual is the clear way.
        if (!MessageDigest.isEqual(computed, given)) {
            throw new ProofException("proof does not match " + what
                    + (given.length == MerkleHash.HASH_BYTES ? "" : " (given hash has " + given.length + " bytes)"));
        }
    }

    /** The RFC 9162 verification walk over (fn, sn); see the class comment. */
    private static final class Walk {
        private long fn;
        private long sn;

        Walk(long fn, long sn) {
            this.fn = fn;
            this.sn = sn;
        }

        /** Number of proof hashes the walk consumes from here. */
        int length() {
            Walk copy = new Walk(fn, sn);
            int steps = 0;
            while (copy.sn != 0) {
                copy.next();
                steps++;
            }
            return steps;
        }

        /** Takes one step up; true when this step's proof hash is the left child. */
        boolean next() {
            boolean left = (fn & 1) == 1 || fn == sn;
            if (left && (fn & 1) == 0) {
                // fn is the last node at its level and has no right sibling: climb past the levels
                // where it is a left child without consuming proof hashes.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            fn >>>= 1;
            sn >>>= 1;
            return left;
        }
    }
}
