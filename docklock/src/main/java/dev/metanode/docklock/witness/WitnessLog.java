package dev.metanode.docklock.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The entries of one run in the order they are witnessed: the spec, the inputs, then the outputs.
 * Each entry is one UTF-8 line {@code "<kind> <name> <value>"}; values are digests or small literals,
 * never raw data. Measured values (time, memory) are not entries: they differ between identical
 * runs and would make replay impossible to check.
 */
public final class WitnessLog {
    /** Entries one log may hold (inputs and outputs are bounded before they get here). */
    public static final int ENTRIES_MAX = 100_000;

    private final List<String> entries = new ArrayList<>();

    public WitnessLog add(String kind, String name, String value) {
        if (entries.size() >= ENTRIES_MAX) {
            throw new IllegalStateException("witness log full at " + ENTRIES_MAX + " entries");
        }
        if (kind.contains(" ") || name.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("witness entry parts must not contain separators");
        }
        entries.add(kind + " " + name.replace(' ', '_') + " " + value);
        return this;
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }

    public byte[] root() {
        List<byte[]> bytes = new ArrayList<>(entries.size());
        for (String e : entries) {
            bytes.add(e.getBytes(StandardCharsets.UTF_8));
        }
        return MerkleRoot.of(bytes);
    }

    public String rootHex() {
        return HexFormat.of().formatHex(root());
    }
}
