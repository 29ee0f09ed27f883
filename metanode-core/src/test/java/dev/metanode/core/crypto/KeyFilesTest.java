package dev.metanode.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void keyFilesAreOwnerOnlyAndRoundTrip() throws IOException {
        SigningKey key = TestKeys.key(3);
        Path file = dir.resolve("keys/node.key");
        KeyFiles.writeSigningKey(file, key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKey back = KeyFiles.readSigningKey(file);
        assertEquals(key.publicKey(), back.publicKey());
        byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
        assertTrue(key.publicKey().verify(msg, back.sign(msg)));
    }

    @Test
    void aKeyReadableByOthersIsRefused() throws IOException {
        Path file = dir.resolve("node.key");
        KeyFiles.writeSigningKey(file, TestKeys.key(4));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> KeyFiles.readSigningKey(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void aDamagedKeyFileSaysSo() throws IOException {
        Path file = dir.resolve("node.key");
        KeyFiles.writeSecret(file, "metanode-ed25519-seed AAAA\n");
        assertThrows(IOException.class, () -> KeyFiles.readSigningKey(file));
        KeyFiles.writeSecret(file, "something else\n");
        assertThrows(IOException.class, () -> KeyFiles.readSigningKey(file));
    }

    @Test
    void signaturesFromBouncyCastleVerifyAndRejectTampering() {
        SigningKey key = TestKeys.key(5);
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(msg);
        assertTrue(key.publicKey().verify(msg, sig));
        sig[10] ^= 1;
        assertEquals(false, key.publicKey().verify(msg, sig));
        assertEquals(false, key.publicKey().verify(msg, new byte[3]));
    }
}
