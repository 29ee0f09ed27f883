/**
 * The witness log of a caged run: every input and output as an entry, hashed into a Merkle root
 * with RFC 9162 hashing, and the step receipt draft built from it.
 */
package dev.metanode.docklock.witness;
