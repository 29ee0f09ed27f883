package dev.metanode.consensus.payload;

/** A validator that is behind asks a peer for the final block at {@code height}. */
public record BlockRequest(long height) implements Message {}
