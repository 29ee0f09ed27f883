package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.core.log.NoteVerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads --trust files: one signed-note verifier key per line ({@code metanode key show} prints one). */
final class TrustedKeys {
    /** Key files longer than this are not key files. */
    static final long TRUST_FILE_BYTES_MAX = 64 * 1024;

    private TrustedKeys() {}

    static List<NoteVerifierKey> read(List<Path> files) {
        List<NoteVerifierKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.addAll(readOne(file));
        }
        return keys;
    }

    /** The node's own key from its home: what online verification trusts when no --trust is given. */
    static List<NoteVerifierKey> ofHome(NodeHome home) {
        return readOne(home.nodePublicKey());
    }

    private static List<NoteVerifierKey> readOne(Path file) {
        List<NoteVerifierKey> keys = new ArrayList<>();
        try {
            if (Files.size(file) > TRUST_FILE_BYTES_MAX) {
                throw new UserException(file + " is too large to be a key file");
            }
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    keys.add(NoteVerifierKey.parse(trimmed));
                } catch (dev.metanode.core.log.NoteFormatException | RuntimeException e) {
                    throw new UserException(file + " line " + lineNo + ": not a verifier key (" + e.getMessage()
                            + "); 'metanode key show' prints one");
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserException("no such key file: " + file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new UserException(file + " holds no verifier key");
        }
        return keys;
    }
}
