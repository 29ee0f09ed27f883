package dev.metanode.consensus.payload;

/** A validator accepted the proposal with this block hash for (height, round). */
public record Prepare(SignedPayload payload) implements Message {}
