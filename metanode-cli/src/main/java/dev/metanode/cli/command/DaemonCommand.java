package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.daemon.Daemon;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.core.config.ConfigException;
import dev.metanode.core.store.StoreCorruptionException;
import dev.metanode.core.store.StoreException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The node process itself; {@code metanode start} runs this in the background. */
@Command(name = "daemon", hidden = true, description = "Run the node in this process (used by start).")
public final class DaemonCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--api-port", paramLabel = "PORT", description = "API port (0 = any free port).")
    Integer apiPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP cage port (0 = any free port).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        return runNode(home, apiPort, httpPort);
    }

    static int runNode(HomeOptions home, Integer apiPort, Integer httpPort) throws Exception {
        // Before the first logger exists, so LoggingSetup picks the node configuration.
        System.setProperty("metanode.logDir", home.home().logs().toString());
        try {
            new Daemon(home.home(), apiPort, httpPort).run();
            return 0;
        } catch (StoreCorruptionException e) {
            throw new UserException("refusing to start: the receipt log is corrupted: " + e.getMessage(), 3);
        } catch (ConfigException | StoreException | IllegalStateException e) {
            throw new UserException("cannot start the node: " + e.getMessage());
        } catch (java.net.BindException e) {
            throw new UserException("cannot start the node: the API port is taken (" + e.getMessage()
                    + "); set api.port in metanode.yaml or pass --api-port");
        }
    }
}
