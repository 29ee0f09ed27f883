package dev.metanode.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host /etc entries the cage shows. Debian's JDKs keep their security and logging
 * configuration in /etc/java-N-openjdk (their conf/ links there), so a JVM in the cage needs it.
 */
final class CageEtc {
    private CageEtc() {}

    static List<String> withJavaConfig(List<String> base) {
        List<String> out = new ArrayList<>(base);
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("java-") && n.matches("[a-z0-9.-]+"))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            // no /etc listing: the cage runs without the JDK configuration
        }
        return out;
    }
}
