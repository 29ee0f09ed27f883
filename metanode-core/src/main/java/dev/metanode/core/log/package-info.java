/**
 * The receipt log's pure logic: RFC 9162 Merkle hashing, the append frontier, proofs and their
 * verification, and C2SP signed notes and checkpoints. Nothing here touches storage or the network;
 * the persistent log supplies stored nodes through {@link dev.metanode.core.log.TreeNodes} and
 * receives new ones through {@link dev.metanode.core.log.NodeSink}.
 *
 * <ul>
 *   <li>{@link dev.metanode.core.log.CompactRange}: appends leaves, emits the perfect-subtree nodes to store.
 *   <li>{@link dev.metanode.core.log.MerkleProofs}: roots, inclusion and consistency proofs from stored nodes.
 *   <li>{@link dev.metanode.core.log.MerkleVerifier}: checks proofs; rejects with
 *       {@link dev.metanode.core.log.ProofException}.
 *   <li>{@link dev.metanode.core.log.SignedNote}, {@link dev.metanode.core.log.Checkpoint},
 *       {@link dev.metanode.core.log.CheckpointSigner}, {@link dev.metanode.core.log.CheckpointVerifier}:
 *       the signed tree heads that any C2SP/Go note tool can verify.
 * </ul>
 */
package dev.metanode.core.log;
