package dev.metanode.httpcage.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Buckets by name, least recently used evicted beyond {@link #BUCKETS_MAX} so that a client
 * cycling through addresses or bogus keys cannot grow memory. An evicted bucket comes back full,
 * which at worst grants one extra burst.
 */
final class BucketTable {
    static final int BUCKETS_MAX = 100_000;
    private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > BUCKETS_MAX;
        }
    };

    synchronized TokenBucket get(String name, Function<String, TokenBucket> create) {
        return buckets.computeIfAbsent(name, create);
    }
}
