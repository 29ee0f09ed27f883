package dev.metanode.httpcage;

/**
 * A digest the request body must match (from a signed Content-Digest header).
 *
 * @param algorithm JCA digest name
 * @param digest    expected value
 */
public record BodyExpectation(String algorithm, byte[] digest) {}
