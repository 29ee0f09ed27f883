package dev.metanode.consensus.payload;

/**
 * A receipt-log checkpoint (C2SP signed note text) passed on so that whichever validator proposes
 * next anchors it: without it a node's checkpoints would wait until that node itself proposes.
 */
public record CheckpointGossip(String checkpoint) implements Message {}
