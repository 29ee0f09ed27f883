/**
 * Relay storage (not built yet). It will implement the BlobStore port: content-addressed data, replicated between nodes over the BPCI transport.
 */
package dev.metanode.relay;
