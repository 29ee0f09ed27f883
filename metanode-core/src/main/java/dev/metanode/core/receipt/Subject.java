package dev.metanode.core.receipt;

import java.util.HexFormat;
import java.util.Objects;

/** An in-toto subject: a named artifact and its SHA-256 digest (lower-case hex). */
public record Subject(String name, String sha256) {
    public Subject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex characters: " + sha256);
        }
    }

    public static Subject of(String name, byte[] digest) {
        return new Subject(name, HexFormat.of().formatHex(digest));
    }
}
