package dev.metanode.httpcage.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFrontDoorTest {
    @TempDir
    Path dir;

    @Test
    void clientTrustingTheExportedCaReachesAppLocalhostOverTls13() throws Exception {
        try (TestApp app = new TestApp("hello")) {
            HttpCageConfig config = HttpCageConfig.loopback(OptionalInt.empty()).withNotarise(false)
                    .withTls(InetAddress.getLoopbackAddress(), dir.resolve("tls"));
            HttpCage cage = new HttpCageBuilder(config).apps(name -> Optional.of(app.port())).build();
            cage.start();
            try {
                String caPem = cage.caCertificatePem().orElseThrow();
                assertTrue(Files.readString(dir.resolve("tls").resolve(LocalCa.CA_CERT)).equals(caPem));
                try (SSLSocket socket = connect(caPem, cage.port(), "hello.localhost");
                     RawClient c = new RawClient(socket)) {
                    RawClient.Response r = c.get("hello.localhost", "/secure");
                    assertEquals(200, r.status());
                    assertEquals("hello GET /secure 0 null", r.body());
                    assertEquals("TLSv1.3", socket.getSession().getProtocol());
                    X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    assertTrue(peer.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("hello.localhost")));
                }
            } finally {
                cage.stop();
            }
            HttpCage again = new HttpCageBuilder(config).apps(name -> Optional.empty()).build();
            assertEquals(cage.caCertificatePem(), again.caCertificatePem(), "the CA survives a restart");
        }
    }

    @Test
    void anH2cUpgradeOverTlsIsAnsweredInHttp11() throws Exception {
        // TLS has ALPN for HTTP/2; h2c is cleartext only (RFC 7540 3.2), so the cage never switches here.
        try (TestApp app = new TestApp("hello")) {
            HttpCageConfig config = HttpCageConfig.loopback(OptionalInt.empty()).withNotarise(false)
                    .withTls(InetAddress.getLoopbackAddress(), dir.resolve("tls"));
            HttpCage cage = new HttpCageBuilder(config).apps(name -> Optional.of(app.port())).build();
            cage.start();
            try (SSLSocket socket = connect(cage.caCertificatePem().orElseThrow(), cage.port(), "hello.localhost");
                 RawClient c = new RawClient(socket)) {
                c.send("GET /tls HTTP/1.1\r\nHost: hello.localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                        + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n");
                RawClient.Response r = c.read();
                assertEquals(200, r.status(), r.rawHead());
                assertEquals("hello GET /tls 0 null", r.body());
                assertTrue(r.rawHead().startsWith("HTTP/1.1 200 "), r.rawHead());
            } finally {
                cage.stop();
            }
        }
    }

    static SSLSocket connect(String caPem, int port, String sni) throws Exception {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("metanode-ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(sni)));
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }
}
