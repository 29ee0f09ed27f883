package dev.metanode.cli.home;

import dev.metanode.core.config.ConfigFile;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.log.NoteVerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The first start: the data directory, the node key, the API token and a metanode.yaml of defaults. */
public final class HomeInitializer {
    /** 256 bits of token. */
    public static final int TOKEN_BYTES = 32;

    private HomeInitializer() {}

    /** Creates whatever is missing; never overwrites a key, a token or a config that exists. */
    public static void ensure(NodeHome home, SecureRandom random) throws IOException {
        createPrivateDir(home.root());
        for (Path dir : new Path[] {home.root().resolve("keys"), home.db(), home.logs(), home.apps(),
                home.runDir()}) {
            createPrivateDir(dir);
        }
        if (!Files.exists(home.nodeKey())) {
            SigningKey key = SigningKey.generate(random);
            KeyFiles.writeSigningKey(home.nodeKey(), key);
        }
        if (!Files.exists(home.apiToken())) {
            byte[] token = new byte[TOKEN_BYTES];
            random.nextBytes(token);
            KeyFiles.writeSecret(home.apiToken(), HexFormat.of().formatHex(token) + "\n");
        }
        if (!Files.exists(home.config())) {
            byte[] id = new byte[4];
            random.nextBytes(id);
            Files.writeString(home.config(), ConfigFile.defaultsText("local-" + HexFormat.of().formatHex(id)));
        }
    }

    /** Writes keys/node.pub: the verifier key line for this node's checkpoints and receipts. */
    public static String writePublicKey(NodeHome home, SigningKey key, String origin) throws IOException {
        String line = NoteVerifierKey.of(origin, key.publicKey()).format();
        Files.writeString(home.nodePublicKey(), line + "\n");
        return line;
    }

    private static void createPrivateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
