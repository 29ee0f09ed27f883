package dev.metanode.consensus.vrf;

import java.math.BigInteger;

/** RFC 9381 int_to_string / string_to_int for edwards25519: little-endian octet strings. */
final class Scalars {
    private Scalars() {}

    static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian(BigInteger value, int length) {
        if (value.signum() < 0 || value.bitLength() > length * 8) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] be = value.toByteArray();
        byte[] le = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
