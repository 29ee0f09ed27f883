package dev.metanode.core.workload;

/**
 * A file the run read or wrote.
 *
 * @param path      path relative to the app or output directory
 * @param sizeBytes its size
 * @param sha256    lower-case hex SHA-256 of its content
 */
public record FileDigest(String path, long sizeBytes, String sha256) {}
