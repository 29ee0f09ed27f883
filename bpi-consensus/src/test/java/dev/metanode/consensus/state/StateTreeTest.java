package dev.metanode.consensus.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateTreeTest {
    @Test
    void anEmptyStateHasTheRootOfTheSpecification() {
        assertArrayEquals(reference(new TreeMap<>(Arrays::compareUnsigned)), StateTree.empty().root());
    }

    @Test
    void incrementalUpdatesMatchTheRootRecomputedFromScratch() {
        Random random = new Random(7);
        StateTree tree = StateTree.empty();
        TreeMap<byte[], byte[]> state = new TreeMap<>(Arrays::compareUnsigned);
        for (int block = 0; block < 40; block++) {
            SortedMap<byte[], byte[]> changes = randomChanges(random, state, 1 + random.nextInt(60));
            StateTree.Update update = tree.update(changes);
            apply(state, changes);
            assertArrayEquals(reference(state), update.root(), "block " + block);
            update.commit();
            assertArrayEquals(reference(state), tree.root(), "block " + block);
            assertEquals(state.size(), tree.size());
        }
    }

    @Test
    void theRootDependsOnTheContentNotOnTheOrderOfWrites() {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(key("kv", "k" + i));
        }
        StateTree oneBlock = StateTree.empty();
        TreeMap<byte[], byte[]> all = new TreeMap<>(Arrays::compareUnsigned);
        keys.forEach(k -> all.put(k, value(k)));
        oneBlock.update(all).commit();

        List<byte[]> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(3));
        StateTree manyBlocks = StateTree.empty();
        for (int i = 0; i < shuffled.size(); i += 7) {
            TreeMap<byte[], byte[]> block = new TreeMap<>(Arrays::compareUnsigned);
            for (byte[] k : shuffled.subList(i, Math.min(shuffled.size(), i + 7))) {
                block.put(k, "temporary".getBytes(StandardCharsets.UTF_8));
            }
            manyBlocks.update(block).commit();
        }
        TreeMap<byte[], byte[]> overwrite = new TreeMap<>(Arrays::compareUnsigned);
        keys.forEach(k -> overwrite.put(k, value(k)));
        manyBlocks.update(overwrite).commit();

        assertArrayEquals(oneBlock.root(), manyBlocks.root());
    }

    @Test
    void aTreeRebuiltFromTheStoreHasTheSameRoot() {
        MemoryKvStore store = new MemoryKvStore();
        StateTree live = StateTree.of(store);
        Random random = new Random(11);
        TreeMap<byte[], byte[]> state = new TreeMap<>(Arrays::compareUnsigned);
        for (int block = 0; block < 20; block++) {
            SortedMap<byte[], byte[]> changes = randomChanges(random, state, 25);
            WriteBatch batch = new WriteBatch();
            changes.forEach((k, v) -> {
                if (v == null) {
                    batch.delete(ConsensusColumns.STATE, k);
                } else {
                    batch.put(ConsensusColumns.STATE, k, v);
                }
            });
            store.write(batch, true);
            live.update(changes).commit();
            apply(state, changes);
        }
        assertArrayEquals(live.root(), StateTree.of(store).root());
        assertArrayEquals(reference(state), live.root());
    }

    @Test
    void anUpdateChangesNothingUntilCommittedAndAStaleOneIsRecomputed() {
        StateTree tree = StateTree.empty();
        byte[] k = key("kv", "a");
        byte[] before = tree.root();
        StateTree.Update first = tree.update(single(k, "1"));
        StateTree.Update second = tree.update(single(k, "2"));
        assertArrayEquals(before, tree.root());
        assertFalse(Arrays.equals(first.root(), second.root()));

        second.commit();
        assertArrayEquals(second.root(), tree.root());
        // computed against the tree before "second": applied as a recomputation on top of the current tree
        first.commit();
        assertArrayEquals(StateTree.empty().update(single(k, "1")).root(), tree.root());
    }

    @Test
    void crowdedBucketsGrowShrinkAndAreRewrittenInPlaceWithTheRightRoot() {
        // 200,000 entries: about three per bucket, so merges meet existing entries on both sides,
        // arrays grow past their spare room, and deletions shrink buckets back to empty.
        Random random = new Random(5);
        StateTree tree = StateTree.empty();
        TreeMap<byte[], byte[]> state = new TreeMap<>(Arrays::compareUnsigned);
        for (int block = 0; block < 8; block++) {
            TreeMap<byte[], byte[]> changes = new TreeMap<>(Arrays::compareUnsigned);
            for (int i = 0; i < 25_000; i++) {
                byte[] k = key("notary", "d" + block + "-" + i);
                changes.put(k, value(k));
            }
            List<byte[]> existing = new ArrayList<>(state.keySet());
            for (int i = 0; i < existing.size() / 10; i++) {
                byte[] k = existing.get(random.nextInt(existing.size()));
                changes.put(k, random.nextBoolean() ? null : ("v" + random.nextInt()).getBytes(StandardCharsets.UTF_8));
            }
            tree.update(changes).commit();
            apply(state, changes);
            assertEquals(state.size(), tree.size());
        }
        assertArrayEquals(reference(state), tree.root());
    }

    @Test
    void deletingEverythingGivesTheEmptyRootAgain() {
        StateTree tree = StateTree.empty();
        TreeMap<byte[], byte[]> puts = new TreeMap<>(Arrays::compareUnsigned);
        TreeMap<byte[], byte[]> deletes = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = 0; i < 50; i++) {
            byte[] k = key("m", "x" + i);
            puts.put(k, value(k));
            deletes.put(k, null);
        }
        tree.update(puts).commit();
        tree.update(deletes).commit();
        assertArrayEquals(StateTree.empty().root(), tree.root());
        assertEquals(0, tree.size());
    }

    // ---- the specification, computed from scratch -------------------------------------------

    private static byte[] reference(SortedMap<byte[], byte[]> state) {
        // Leaves in the order of their keys' hashes, which groups them by bucket.
        TreeMap<byte[], byte[]> leavesByKeyHash = new TreeMap<>(Arrays::compareUnsigned);
        state.forEach((k, v) -> leavesByKeyHash.put(Sha256.digest(k), Sha256.digest((byte) 0, new byte[] {
            (byte) (k.length >>> 24), (byte) (k.length >>> 16), (byte) (k.length >>> 8), (byte) k.length}, k, v)));
        Map<Integer, List<byte[]>> leavesByBucket = new TreeMap<>();
        leavesByKeyHash.forEach((h, leaf) -> leavesByBucket
                .computeIfAbsent((h[0] & 0xff) << 8 | (h[1] & 0xff), b -> new ArrayList<>()).add(leaf));
        byte[][] level = new byte[1 << 16][];
        for (int b = 0; b < level.length; b++) {
            List<byte[]> leaves = leavesByBucket.get(b);
            if (leaves == null) {
                level[b] = MerkleHash.emptyRoot();
            } else {
                MessageDigest md = Sha256.newDigest();
                md.update((byte) 2);
                leaves.forEach(md::update);
                level[b] = md.digest();
            }
        }
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = MerkleHash.nodeHash(level[2 * i], level[2 * i + 1]);
            }
            level = up;
        }
        return level[0];
    }

    private static SortedMap<byte[], byte[]> randomChanges(Random random, SortedMap<byte[], byte[]> state, int n) {
        TreeMap<byte[], byte[]> changes = new TreeMap<>(Arrays::compareUnsigned);
        List<byte[]> existing = new ArrayList<>(state.keySet());
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            if (kind == 0 && !existing.isEmpty()) {
                changes.put(existing.get(random.nextInt(existing.size())), null);
            } else if (kind == 1 && !existing.isEmpty()) {
                changes.put(existing.get(random.nextInt(existing.size())), ("v" + random.nextInt()).getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] k = key(random.nextBoolean() ? "kv" : "validators", "k" + random.nextInt(2_000));
                changes.put(k, ("v" + random.nextInt()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return changes;
    }

    private static void apply(SortedMap<byte[], byte[]> state, SortedMap<byte[], byte[]> changes) {
        changes.forEach((k, v) -> {
            if (v == null) {
                state.remove(k);
            } else {
                state.put(k, v);
            }
        });
    }

    private static SortedMap<byte[], byte[]> single(byte[] k, String v) {
        TreeMap<byte[], byte[]> m = new TreeMap<>(Arrays::compareUnsigned);
        m.put(k, v.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private static byte[] key(String module, String key) {
        byte[] prefix = ModuleState.prefix(module);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] full = Arrays.copyOf(prefix, prefix.length + k.length);
        System.arraycopy(k, 0, full, prefix.length, k.length);
        return full;
    }

    private static byte[] value(byte[] key) {
        return Sha256.digest(key);
    }
}
