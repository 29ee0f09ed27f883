package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.client.DaemonInfo;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.HomeOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Asks the node to stop and waits until its process has exited. */
@Command(name = "stop", description = "Stop the node cleanly (a last receipt, a final checkpoint).")
public final class StopCommand implements Callable<Integer> {
    private static final long EXIT_WAIT_MS_MAX = 30_000;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() throws Exception {
        NodeHome home = homeOptions.home();
        ApiClient client = ApiClient.connect(home);
        long pid = DaemonInfo.read(home).map(i -> i.path("pid").asLong()).orElse(-1L);
        client.post("/api/v1/stop", new byte[0]);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(EXIT_WAIT_MS_MAX, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new UserException("the node (pid " + pid + ") is still stopping after "
                        + EXIT_WAIT_MS_MAX / 1000 + " s; see " + home.daemonOutput());
            }
        }
        System.out.println("metanode node stopped (home " + home.root() + ")");
        return 0;
    }
}
