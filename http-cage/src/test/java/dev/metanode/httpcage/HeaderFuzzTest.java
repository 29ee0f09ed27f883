package dev.metanode.httpcage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.metanode.httpcage.proxy.CagedRequestDecoder;
import dev.metanode.httpcage.proxy.HostRouter;
import dev.metanode.httpcage.proxy.RequestFraming;
import dev.metanode.httpcage.sig.ContentDigest;
import dev.metanode.httpcage.sig.SignatureHeaders;
import dev.metanode.httpcage.sig.SignatureParams;
import dev.metanode.httpcage.sig.StructuredFieldException;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parsers of client-controlled text either accept or throw their declared exception. Under
 * plain JUnit these replay the seeds in {@code src/test/resources/dev/metanode/httpcage/HeaderFuzzTestInputs/};
 * run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class HeaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void signatureInput(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        Map<String, SignatureParams> parsed;
        try {
            parsed = SignatureHeaders.parseInput(text);
        } catch (StructuredFieldException expected) {
            return;
        }
        // What parses serialises to something that parses back to the same value.
        for (Map.Entry<String, SignatureParams> member : parsed.entrySet()) {
            String again = member.getKey() + "=" + member.getValue().serialize();
            assertEquals(member.getValue(), SignatureHeaders.parseInput(again).get(member.getKey()));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void signatureHeader(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        try {
            SignatureHeaders.parseSignature(text);
        } catch (StructuredFieldException expected) {
            // declared
        }
        ContentDigest.parse(text);
        HostRouter.appOf(text);
        new HostRouter(app -> Optional.of(1), OptionalInt.of(2)).route(text);
    }

    @FuzzTest(maxDuration = "30s")
    void requestHead(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new CagedRequestDecoder(CageLimits.DEFAULTS.withHeaderBytesMax(1024)));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(input));
            for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
                if (msg instanceof HttpRequest head) {
                    RequestFraming.check(head, CageLimits.DEFAULTS);
                }
                ReferenceCountUtil.release(msg);
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
