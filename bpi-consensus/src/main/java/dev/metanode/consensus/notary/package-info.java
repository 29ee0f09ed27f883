/** A built-in ledger module: attest that data (by its SHA-256 digest) existed at a final block. */
package dev.metanode.consensus.notary;
