package dev.metanode.cli;

import dev.metanode.cli.command.AppsCommand;
import dev.metanode.cli.command.BenchCommand;
import dev.metanode.cli.command.CaCommand;
import dev.metanode.cli.command.ChainCommand;
import dev.metanode.cli.command.CdsTrainingCommand;
import dev.metanode.cli.command.DeployCommand;
import dev.metanode.cli.command.EventsCommand;
import dev.metanode.cli.command.LogsCommand;
import dev.metanode.cli.command.PeersCommand;
import dev.metanode.cli.command.RemoveCommand;
import dev.metanode.cli.command.ReplayCommand;
import dev.metanode.cli.command.RunCommand;
import dev.metanode.cli.command.DaemonCommand;
import dev.metanode.cli.command.KeyCommand;
import dev.metanode.cli.command.KeysCommand;
import dev.metanode.cli.command.ReceiptsCommand;
import dev.metanode.cli.command.StartCommand;
import dev.metanode.cli.command.StatusCommand;
import dev.metanode.cli.command.StopCommand;
import dev.metanode.cli.command.TestnetCommand;
import dev.metanode.cli.command.VerifyCommand;
import dev.metanode.cli.command.VersionProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The metanode command: a thin client of the node's API, and the node itself (start). */
@Command(name = "metanode", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Run workloads in a cage and get a signed, verifiable receipt for every operation.")
public final class Main {
    /** Every top-level command, in the order help lists them. */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("start", StartCommand.class);
        m.put("stop", StopCommand.class);
        m.put("status", StatusCommand.class);
        m.put("run", RunCommand.class);
        m.put("replay", ReplayCommand.class);
        m.put("deploy", DeployCommand.class);
        m.put("apps", AppsCommand.class);
        m.put("logs", LogsCommand.class);
        m.put("events", EventsCommand.class);
        m.put("remove", RemoveCommand.class);
        m.put("peers", PeersCommand.class);
        m.put("chain", ChainCommand.class);
        m.put("testnet", TestnetCommand.class);
        m.put("receipts", ReceiptsCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("key", KeyCommand.class);
        m.put("keys", KeysCommand.class);
        m.put("ca", CaCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("daemon", DaemonCommand.class);
        m.put("cds-training", CdsTrainingCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = build(args.length > 0 ? args[0] : null);
        cli.setExecutionExceptionHandler(Main::onError);
        cli.setParameterExceptionHandler(Main::onBadArguments);
        return cli.execute(args);
    }

    /**
     * The command tree. picocli reflects over every registered command at start-up, so when the
     * first argument names a command only that one is registered; help and mistakes get them all.
     */
    public static CommandLine buildAll() {
        return build(null);
    }

    static CommandLine build(String first) {
        CommandLine root = new CommandLine(new Main());
        boolean one = first != null && COMMANDS.containsKey(first) && !first.equals("help");
        COMMANDS.forEach((name, type) -> {
            if (!one || name.equals(first)) {
                root.addSubcommand(name, type);
            }
        });
        return root;
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
