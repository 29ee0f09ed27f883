package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.home.GenesisFile;
import dev.metanode.cli.home.HomeInitializer;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A local multi-validator chain: N node homes with one shared genesis, ready for {@code metanode start --home}. */
@Command(name = "testnet", description = "Set up a multi-validator chain on this machine.",
        subcommands = TestnetCommand.Init.class)
public final class TestnetCommand {
    /** Ports each node takes from the base: API, HTTP front door, peer transport. */
    static final int PORTS_PER_NODE = 10;
    static final int VALIDATORS_MAX = 64;

    /** metanode testnet init. */
    @Command(name = "init", description = {"Write N node homes (DIR/node0 ...) with a shared genesis.json and "
            + "metanode.yaml files in which every node lists the others as peers (loopback).",
            "Then start each: metanode start --home DIR/node0, ... The chain makes blocks once a quorum "
                    + "(more than 2/3 of the validators) runs."})
    public static final class Init implements Callable<Integer> {
        @Option(names = "--validators", paramLabel = "N", defaultValue = "4",
                description = "Number of validators (default ${DEFAULT-VALUE}; 4 tolerate one fault).")
        int validators;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the node homes.")
        Path out;

        @Option(names = "--chain-id", paramLabel = "ID", description = "Chain id (default testnet-<random>).")
        String chainId;

        @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "7700",
                description = "Node i uses PORT+10i (API), +1 (HTTP front door), +2 (peer transport); "
                        + "default ${DEFAULT-VALUE}.")
        int basePort;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() throws IOException {
            if (validators < 1 || validators > VALIDATORS_MAX) {
                throw new UserException("--validators must be from 1 to " + VALIDATORS_MAX);
            }
            if (basePort < 1024 || basePort + PORTS_PER_NODE * validators > 65535) {
                throw new UserException("--base-port must leave room for " + validators + " nodes between 1024 and 65535");
            }
            SecureRandom random = new SecureRandom();
            String chain = chainId != null ? chainId : "testnet-" + HexFormat.of().formatHex(random.generateSeed(3));
            if (!chain.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new UserException("--chain-id must be lower-case letters, digits and '-'");
            }
            List<NodeHome> homes = new ArrayList<>();
            for (int i = 0; i < validators; i++) {
                NodeHome home = new NodeHome(out.resolve("node" + i).toAbsolutePath());
                if (Files.exists(home.root()) && !isEmptyDir(home.root())) {
                    throw new UserException(home.root() + " exists and is not empty; choose another --out");
                }
                homes.add(home);
            }
            List<SigningKey> keys = new ArrayList<>();
            List<Validator> members = new ArrayList<>();
            for (NodeHome home : homes) {
                HomeInitializer.ensure(home, random);
                SigningKey key = KeyFiles.readSigningKey(home.nodeKey());
                keys.add(key);
                members.add(LedgerService.validatorOf(key, 1));
            }
            Genesis genesis = new Genesis(chain, new ValidatorSet(members), System.currentTimeMillis());
            List<Map<String, Object>> described = new ArrayList<>();
            for (int i = 0; i < validators; i++) {
                NodeHome home = homes.get(i);
                Files.writeString(home.config(), config(chain, i, keys));
                GenesisFile.write(home.genesis(), genesis);
                HomeInitializer.writePublicKey(home, keys.get(i), "metanode/" + chain);
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("home", home.root().toString());
                node.put("key", keys.get(i).publicKey().base64());
                node.put("fingerprint", keys.get(i).publicKey().fingerprint());
                node.put("api", "127.0.0.1:" + port(i, 0));
                node.put("http", "127.0.0.1:" + port(i, 1));
                node.put("net", "127.0.0.1:" + port(i, 2));
                described.add(node);
            }
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("chainId", chain);
                m.put("nodes", described);
                System.out.println(Json.pretty(m));
                return 0;
            }
            System.out.println("chain " + chain + ": " + validators + " validators, quorum "
                    + genesis.validators().quorumPower() + " of " + genesis.validators().totalPower());
            List<List<String>> rows = described.stream().map(n -> List.of(String.valueOf(n.get("home")),
                    String.valueOf(n.get("fingerprint")), String.valueOf(n.get("api")), String.valueOf(n.get("net")))).toList();
            System.out.print(Text.table(List.of("HOME", "KEY", "API", "PEER TRANSPORT"), rows));
            System.out.println("start each node: metanode start --home " + homes.get(0).root() + " (and node1 ...)");
            return 0;
        }

        private int port(int node, int offset) {
            return basePort + PORTS_PER_NODE * node + offset;
        }

        /** Node i's metanode.yaml: its ports, and every other node as a peer. */
        private String config(String chain, int i, List<SigningKey> keys) {
            StringBuilder peers = new StringBuilder();
            for (int j = 0; j < keys.size(); j++) {
                if (j != i) {
                    peers.append("    - {key: \"").append(keys.get(j).publicKey().base64()).append("\", address: \"127.0.0.1:")
                            .append(port(j, 2)).append("\"}\n");
                }
            }
            return """
                    # Node %d of the %d-validator chain %s, written by 'metanode testnet init'.
                    # Every node of the chain shares genesis.json; each lists the others under net.peers.
                    chainId: %s
                    api:
                      host: 127.0.0.1
                      port: %d
                    net:
                      host: 127.0.0.1
                      port: %d
                      peers:%s
                    http:
                      port: %d
                    """.formatted(i, keys.size(), chain, chain, port(i, 0), port(i, 2),
                    peers.isEmpty() ? " []\n" : "\n" + peers.toString().stripTrailing(), port(i, 1));
        }

        private static boolean isEmptyDir(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            }
        }
    }
}
