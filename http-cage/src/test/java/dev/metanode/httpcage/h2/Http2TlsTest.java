package dev.metanode.httpcage.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.httpcage.H2Client;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.TestApp;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the TLS listener ALPN picks h2 for a client that offers it (HTTP/1.1-only clients: TlsFrontDoorTest). */
class Http2TlsTest {
    @TempDir
    Path dir;

    @Test
    void alpnNegotiatesH2AndTheStreamReachesTheApp() throws Exception {
        try (TestApp app = new TestApp("hello")) {
            HttpCageConfig config = HttpCageConfig.loopback(OptionalInt.empty()).withNotarise(false)
                    .withTls(InetAddress.getLoopbackAddress(), dir.resolve("tls"));
            HttpCage cage = new HttpCageBuilder(config).apps(name -> Optional.of(app.port())).build();
            cage.start();
            try (H2Client c = new H2Client(cage.port(), client(cage.caCertificatePem().orElseThrow(),
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1), "hello.localhost")) {
                H2Client.Response r = c.get("hello.localhost:" + cage.port(), "/secure", Map.of());
                assertEquals(200, r.status());
                assertEquals("hello GET /secure 0 null", r.body());
                assertEquals("h2", c.negotiatedProtocol());
            } finally {
                cage.stop();
            }
        }
    }

    private static SslContext client(String caPem, String... protocols) throws Exception {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(ca).protocols("TLSv1.3")
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols))
                .build();
    }
}
