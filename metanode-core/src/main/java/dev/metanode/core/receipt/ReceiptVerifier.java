package dev.metanode.core.receipt;

import dev.metanode.core.crypto.PublicKey;
import java.util.Collection;
import java.util.Optional;

/** Checks a receipt's DSSE signature against trusted keys. */
public final class ReceiptVerifier {
    private ReceiptVerifier() {}

    /**
     * Returns the trusted key that signed the receipt, or empty if no trusted key did.
     * The payload type must be in-toto's: a signature over anything else proves nothing here.
     */
    public static Optional<PublicKey> verify(Receipt receipt, Collection<PublicKey> trusted) {
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(receipt.payloadType())) {
            return Optional.empty();
        }
        byte[] pae = Dsse.pae(receipt.payloadType(), receipt.payload());
        for (Receipt.Signature signature : receipt.signatures()) {
            for (PublicKey key : trusted) {
                if (key.fingerprint().equals(signature.keyId()) && key.verify(pae, signature.sig())) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }
}
