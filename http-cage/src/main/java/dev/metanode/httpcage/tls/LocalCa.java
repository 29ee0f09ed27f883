package dev.metanode.httpcage.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The node's own certificate authority for {@code *.localhost}: an ECDSA P-256 key and a
 * self-signed certificate, created on first start in the TLS directory ({@value #CA_CERT},
 * {@value #CA_KEY}, the key readable by the owner only) and loaded afterwards. Users trust
 * {@link #certificatePem()} once; host certificates are issued from it ({@link HostCertificates}).
 */
public final class LocalCa {
    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final KeyPair keys;
    private final X509Certificate certificate;

    private LocalCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    public static LocalCa loadOrCreate(Path directory) throws IOException, GeneralSecurityException {
        Path cert = directory.resolve(CA_CERT);
        Path key = directory.resolve(CA_KEY);
        if (Files.exists(cert) && Files.exists(key)) {
            X509Certificate certificate = readCertificate(Files.readString(cert));
            return new LocalCa(new KeyPair(certificate.getPublicKey(), readPrivateKey(key)), certificate);
        }
        Files.createDirectories(directory);
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=Metanode local CA,O=Metanode");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(CA_VALIDITY)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = sign(builder, keys);
        Files.writeString(key, privateKeyPem(keys.getPrivate()));
        try {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection has to do.
        }
        Files.writeString(cert, pem(certificate));
        return new LocalCa(keys, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate in PEM, for users to add to their trust store. Contains no secret. */
    public String certificatePem() {
        return pem(certificate);
    }

    KeyPair keys() {
        return keys;
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static BigInteger serial() {
        return new BigInteger(128, new SecureRandom());
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .build(issuer.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static X509Certificate readCertificate(String pem) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    /** The public half comes from the certificate; the file holds the PKCS#8 private key alone. */
    private static java.security.PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String body = Files.readString(file).replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        return java.security.KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }

    private static String privateKeyPem(java.security.PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
}
