package dev.metanode.docklock.seccomp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The x86_64 system call table: names and numbers. */
public final class Syscalls {
    /** Highest number in the table plus headroom; numbers above are treated as unknown. */
    public static final int NUMBER_MAX = 1023;

    private static final Map<String, Integer> BY_NAME = load();

    private Syscalls() {}

    public static Optional<Integer> number(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The number of a system call that must exist; a programmer error otherwise. */
    public static int require(String name) {
        Integer nr = BY_NAME.get(name);
        if (nr == null) {
            throw new IllegalArgumentException("no x86_64 system call named '" + name + "'");
        }
        return nr;
    }

    public static Optional<String> name(int number) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue() == number).map(Map.Entry::getKey).findFirst();
    }

    /** Every name and number, sorted by name. */
    public static Map<String, Integer> all() {
        return BY_NAME;
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> map = new TreeMap<>();
        try (InputStream in = Syscalls.class.getResourceAsStream("syscalls-x86_64.txt")) {
            if (in == null) {
                throw new IllegalStateException("syscalls-x86_64.txt missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                map.put(parts[0], Integer.parseInt(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(map);
    }
}
