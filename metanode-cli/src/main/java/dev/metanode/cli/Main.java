package dev.metanode.cli;

import dev.metanode.cli.command.AppsCommand;
import dev.metanode.cli.command.BenchCommand;
import dev.metanode.cli.command.DeployCommand;
import dev.metanode.cli.command.LogsCommand;
import dev.metanode.cli.command.RemoveCommand;
import dev.metanode.cli.command.ReplayCommand;
import dev.metanode.cli.command.RunCommand;
import dev.metanode.cli.command.DaemonCommand;
import dev.metanode.cli.command.KeyCommand;
import dev.metanode.cli.command.ReceiptsCommand;
import dev.metanode.cli.command.StartCommand;
import dev.metanode.cli.command.StatusCommand;
import dev.metanode.cli.command.StopCommand;
import dev.metanode.cli.command.VerifyCommand;
import dev.metanode.cli.command.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The metanode command: a thin client of the node's API, and the node itself (start). */
@Command(name = "metanode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run workloads in a cage and get a signed, verifiable receipt for every operation.",
        subcommands = {StartCommand.class, StopCommand.class, StatusCommand.class, RunCommand.class, ReplayCommand.class,
                DeployCommand.class, AppsCommand.class, LogsCommand.class, RemoveCommand.class, ReceiptsCommand.class,
                BenchCommand.class,
                VerifyCommand.class, KeyCommand.class, DaemonCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::onError);
        cli.setParameterExceptionHandler(Main::onBadArguments);
        return cli.execute(args);
    }

    private static int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof UserException user) {
            cmd.getErr().println("metanode: " + user.getMessage());
            return user.exitCode();
        }
        if (e instanceof IllegalArgumentException bad) {
            // Parsers of user input (ids, files, bundles) say what is wrong in the message.
            cmd.getErr().println("metanode: " + bad.getMessage());
            return 1;
        }
        cmd.getErr().println("metanode: internal error: " + e);
        if (System.getenv("METANODE_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("metanode: set METANODE_DEBUG=1 for the stack trace, and please report it");
        }
        return 70;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("metanode: " + e.getMessage());
        cmd.getErr().println("metanode: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        return 2;
    }
}
