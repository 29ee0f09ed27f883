package dev.metanode.httpcage.tls;

import dev.metanode.httpcage.proxy.HostRouter;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Mapping;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * TLS 1.3 contexts per host name (SNI), each with a certificate issued by the {@link LocalCa} the
 * first time the host is asked for. Only {@code localhost} and {@code APP.localhost} get their own
 * certificate; any other or missing SNI name gets localhost's, so a client cannot make the cage
 * mint certificates for names it does not serve.
 */
public final class HostCertificates implements Mapping<String, SslContext> {
    public static final Duration HOST_VALIDITY = Duration.ofDays(397);
    /** Contexts kept; beyond this the cache is cleared (app names are few in practice). */
    public static final int HOSTS_MAX = 4096;
    private static final String DEFAULT_HOST = "localhost";

    private final LocalCa ca;
    private final Map<String, SslContext> contexts = new ConcurrentHashMap<>();

    public HostCertificates(LocalCa ca) {
        this.ca = ca;
    }

    @Override
    public SslContext map(String sniName) {
        String host = sniName == null ? DEFAULT_HOST : sniName.toLowerCase(Locale.ROOT);
        if (!host.equals(DEFAULT_HOST) && HostRouter.appOf(host).isEmpty()) {
            host = DEFAULT_HOST;
        }
        if (contexts.size() >= HOSTS_MAX) {
            contexts.clear();
        }
        return contexts.computeIfAbsent(host, this::newContext);
    }

    private SslContext newContext(String host) {
        try {
            KeyPair keys = LocalCa.newKeyPair();
            X509Certificate cert = issue(host, keys);
            return SslContextBuilder.forServer(keys.getPrivate(), cert, ca.certificate())
                    .sslProvider(SslProvider.JDK).protocols("TLSv1.3")
                    // h2 first: a client offering both gets HTTP/2; one offering neither, HTTP/1.1.
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException("cannot issue a certificate for " + host, e);
        }
    }

    X509Certificate issue(String host, KeyPair keys) throws GeneralSecurityException {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), LocalCa.serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(HOST_VALIDITY)),
                    new X500Name("CN=" + host), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return LocalCa.sign(builder, ca.keys());
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
