package dev.metanode.cli.options;

import dev.metanode.cli.home.NodeHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --home, shared by every command that talks to a node. */
public final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Node data directory (default: $METANODE_HOME, else ~/.metanode).")
    Path home;

    public NodeHome home() {
        return NodeHome.resolve(home);
    }
}
