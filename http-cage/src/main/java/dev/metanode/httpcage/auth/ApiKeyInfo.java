package dev.metanode.httpcage.auth;

/**
 * An API key as stored and listed: never the token itself, only its SHA-256.
 *
 * @param id            public identifier, also the token's second part
 * @param role          what the key may do
 * @param label         a note from whoever created it
 * @param createdMillis creation time, epoch milliseconds
 * @param revoked       revoked keys stay listed so receipts naming them can still be explained
 */
public record ApiKeyInfo(String id, Role role, String label, long createdMillis, boolean revoked) {}
