package dev.metanode.core.net;

/**
 * Gossip counters of one node since start.
 *
 * @param duplicates messages dropped because their id was already seen
 * @param relayed relays queued to peers
 * @param dropped relays refused because a peer's outbound queue was full
 */
public record GossipStats(long duplicates, long relayed, long dropped) {}
