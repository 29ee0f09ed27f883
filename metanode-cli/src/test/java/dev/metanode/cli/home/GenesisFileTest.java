package dev.metanode.cli.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.core.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisFileTest {
    @TempDir
    Path dir;
    private final SigningKey key = SigningKey.generate(new SecureRandom());

    @Test
    void theFirstStartWritesAOneValidatorGenesisThatReadsBackTheSame() throws Exception {
        Path file = dir.resolve("genesis.json");
        Genesis first = GenesisFile.readOrCreate(file, "solo", key, 1234);
        assertEquals(1, first.validators().size());
        assertTrue(first.validators().contains(key.publicKey()));
        Genesis again = GenesisFile.readOrCreate(file, "solo", key, 9999);
        assertEquals(1234, again.timestampMillis(), "an existing genesis is never rewritten");
        assertEquals(first.validators(), again.validators());
        assertEquals(first.validators(), GenesisFile.read(file, null).validators());
    }

    @Test
    void aGenesisWithoutValidatorsMeansTheNodeThatWroteIt() throws Exception {
        Path file = dir.resolve("genesis.json");
        Files.writeString(file, "{\"chainId\":\"old\",\"timestampMillis\":5}");
        Genesis g = GenesisFile.read(file, key);
        assertEquals(LedgerService.validatorOf(key, 1), g.validators().validators().get(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GenesisFile.read(file, null)).getMessage()
                .contains("lists no validators"));
    }

    @Test
    void anotherChainOrAMalformedFileIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("genesis.json");
        GenesisFile.readOrCreate(file, "one", key, 1);
        assertTrue(assertThrows(IllegalStateException.class, () -> GenesisFile.readOrCreate(file, "two", key, 1))
                .getMessage().contains("is for chain one"));
        Files.writeString(file, "{\"chainId\":\"x\",\"timestampMillis\":1,\"validators\":[{\"key\":\"nope\"}]}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GenesisFile.read(file, null)).getMessage()
                .contains("bad validators"));
        Files.writeString(file, "not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GenesisFile.read(file, null)).getMessage()
                .contains("is not JSON"));
    }
}
