package dev.metanode.httpcage.auth;

/**
 * Who a verified credential belongs to.
 *
 * @param id   {@code key:<id>} for API keys, {@code jwt:<sub>} for tokens
 * @param role what it may do
 */
public record Principal(String id, Role role) {}
