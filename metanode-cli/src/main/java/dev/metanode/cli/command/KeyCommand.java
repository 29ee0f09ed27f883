package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import dev.metanode.core.log.NoteVerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The node's keys. */
@Command(name = "key", description = "The node's signing key.", subcommands = KeyCommand.Show.class)
public final class KeyCommand {
    /** Prints the public key in the signed-note verifier format that --trust takes. */
    @Command(name = "show", description = "Print the node's public key (save it to a file for --trust).")
    public static final class Show implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() throws IOException {
            NodeHome home = homeOptions.home();
            String line;
            try {
                line = Files.readString(home.nodePublicKey()).trim();
            } catch (NoSuchFileException e) {
                throw new UserException("no node key at " + home.root() + " yet (the first metanode start creates it)");
            }
            NoteVerifierKey key;
            try {
                key = NoteVerifierKey.parse(line);
            } catch (dev.metanode.core.log.NoteFormatException e) {
                throw new UserException(home.nodePublicKey() + " is damaged: " + e.getMessage());
            }
            if (output.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", key.name());
                out.put("keyId", key.keyIdHex());
                out.put("publicKey", key.publicKey().base64());
                out.put("fingerprint", key.publicKey().fingerprint());
                out.put("verifierKey", line);
                System.out.println(Json.pretty(out));
            } else {
                System.out.println(line);
            }
            return 0;
        }
    }
}
