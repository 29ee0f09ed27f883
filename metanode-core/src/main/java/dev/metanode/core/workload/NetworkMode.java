package dev.metanode.core.workload;

import java.util.Locale;

/** Which network a caged program sees. */
public enum NetworkMode {
    /** A private network namespace with only a loopback interface: no egress. */
    NONE,
    /** The host's network. */
    HOST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code none} or {@code host}. */
    public static NetworkMode fromWire(String name) {
        for (NetworkMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown network mode '" + name + "' (one of none, host)");
    }
}
