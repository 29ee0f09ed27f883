package dev.metanode.core.log;

/**
 * Read access to the stored perfect-subtree hashes of a log.
 *
 * <p>A log that keeps every leaf hash and every completed interior node (exactly what
 * {@link CompactRange#append} hands to its {@link NodeSink}) can answer any root or proof
 * question: the roots of the non-perfect subtrees along the right edge of the tree are rebuilt
 * from perfect ones, so nothing that later appends could change is ever stored.
 */
public interface TreeNodes {
    /**
     * The hash of the perfect subtree covering leaves {@code [index * 2^level, (index + 1) * 2^level)};
     * level 0 is the leaf hash of leaf {@code index}.
     *
     * @throws RuntimeException (typically an {@link IllegalStateException} or a store exception) if
     *     the node is not stored; callers only ask for nodes inside a tree size the log has reached
     */
    byte[] perfect(int level, long index);
}
