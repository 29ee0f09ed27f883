/**
 * What validators say to each other: the signed QBFT payloads (proposal, prepare, commit, round
 * change) with their certificates, transaction gossip and block catch-up, and their wire codec.
 */
package dev.metanode.consensus.payload;
