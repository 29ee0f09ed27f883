package dev.metanode.consensus.state;

import dev.metanode.core.ledger.StateView;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/** One module's {@link StateView} over an overlay: every key is prefixed with the module name and a zero byte. */
public final class ModuleState implements StateView {
    private final byte[] prefix;
    private final StateOverlay overlay;

    public ModuleState(String module, StateOverlay overlay) {
        this.prefix = prefix(module);
        this.overlay = overlay;
    }

    public static byte[] prefix(String module) {
        byte[] name = module.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(name, name.length + 1);
    }

    private byte[] full(byte[] key) {
        if (key.length > KEY_BYTES_MAX) {
            throw new IllegalArgumentException("state key longer than " + KEY_BYTES_MAX + " bytes");
        }
        byte[] full = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, full, prefix.length, key.length);
        return full;
    }

    @Override
    public Optional<byte[]> get(byte[] key) {
        return overlay.get(full(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        if (value.length > VALUE_BYTES_MAX) {
            throw new IllegalArgumentException("state value longer than " + VALUE_BYTES_MAX + " bytes");
        }
        overlay.put(full(key), value);
    }

    @Override
    public void delete(byte[] key) {
        overlay.delete(full(key));
    }

    @Override
    public void scan(byte[] keyPrefix, BiPredicate<byte[], byte[]> visitor) {
        overlay.scan(full(keyPrefix), (k, v) -> visitor.test(Arrays.copyOfRange(k, prefix.length, k.length), v));
    }
}
