package dev.metanode.core.store;

/** Turns a typed key or value into bytes and back. Key codecs must keep the order that scans rely on. */
public interface Codec<T> {
    byte[] encode(T value);

    T decode(byte[] bytes);
}
