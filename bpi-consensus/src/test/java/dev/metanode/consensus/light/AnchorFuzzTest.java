package dev.metanode.consensus.light;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.consensus.TestChains;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.CommitSeal;
import dev.metanode.consensus.chain.Domains;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.HeaderCodec;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.payload.CheckpointGossip;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.poh.PohRecorder;
import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Anchors arrive inside bundles from anyone, and consensus messages from any peer: whatever the
 * bytes, the decoders and the light client either accept what is genuinely sealed or refuse with
 * their checked error — never another exception, never a different header accepted.
 */
class AnchorFuzzTest {
    private static final String NOTE = "metanode/test-chain\n3\nAAAA\n\n— metanode/test-chain sig\n";
    private static final List<SigningKey> KEYS = TestChains.keys(4);
    private static final Genesis GENESIS = TestChains.genesis(KEYS);
    private static final SealedHeader SEALED = sealed();
    private static final byte[] VALID = Json.write(AnchorVerifier.toJson(SEALED, List.of())).getBytes(StandardCharsets.UTF_8);

    private static SealedHeader sealed() {
        byte[] parent = new byte[32];
        byte[] proof = Ecvrf.prove(VrfSecretKey.derive(KEYS.get(0)), Domains.vrfInput(parent, 3, 0));
        BlockHeader header = new BlockHeader("test-chain", 3, 0, parent, PohRecorder.record(parent, List.of()),
                new byte[32], new byte[32], List.of(NOTE), GENESIS.validators().hash(), KEYS.get(0).publicKey(), proof, 5L);
        return new SealedHeader(header, KEYS.subList(0, 3).stream().map(k -> CommitSeal.sign(k, header.hash())).toList());
    }

    @Property(tries = 300)
    void mutatedAnchorsAreRefusedOrNameTheSameHeader(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] mutated = VALID.clone();
        mutated[position % mutated.length] ^= (byte) xor;
        JsonNode anchor;
        try {
            anchor = Json.parse(mutated);
        } catch (IllegalArgumentException e) {
            return; // not JSON any more
        }
        try {
            AnchorVerifier.verify(anchor, GENESIS, NOTE);
            // Accepted: then the header is the sealed one, byte for byte.
            assertArrayEquals(SEALED.header().encode(), anchor.path("header").asText().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidBlockException expected) {
            // refused with a reason
        }
    }

    @Property(tries = 500)
    void arbitraryBytesNeverCrashTheMessageDecoder(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            MessageCodec.decode(bytes);
        } catch (MalformedMessageException expected) {
            // refused
        }
    }

    @Property(tries = 300)
    void mutatedCheckpointGossipDecodesOrIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] valid = MessageCodec.encode(new CheckpointGossip(NOTE));
        byte[] mutated = valid.clone();
        mutated[position % mutated.length] ^= (byte) xor;
        try {
            MessageCodec.decode(mutated);
        } catch (MalformedMessageException expected) {
            // refused
        }
    }

    @Property(tries = 200)
    void mutatedHeadersDecodeOnlyToCanonicalForms(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] mutated = SEALED.header().encode();
        mutated[position % mutated.length] ^= (byte) xor;
        try {
            BlockHeader decoded = HeaderCodec.decode(mutated);
            assertArrayEquals(mutated, decoded.encode(), "a header decodes only from its canonical bytes");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
