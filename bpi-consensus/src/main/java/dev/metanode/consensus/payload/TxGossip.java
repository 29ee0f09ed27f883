package dev.metanode.consensus.payload;

import dev.metanode.core.ledger.Transaction;

/** A transaction passed on so that every validator's mempool (and so every proposer) has it. */
public record TxGossip(Transaction tx) implements Message {}
