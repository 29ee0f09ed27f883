package dev.metanode.httpcage.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void bucketRefillsAtItsRate() {
        long second = 1_000_000_000L;
        TokenBucket bucket = new TokenBucket(2, 2, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(second / 2, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(second / 2));
        assertTrue(bucket.tryTake(second / 2) > 0);
        assertEquals(0, bucket.tryTake(10 * second));
        assertEquals(0, bucket.tryTake(10 * second));
        assertTrue(bucket.tryTake(10 * second) > 0, "burst caps the refill");
    }

    @Test
    void clientOverItsRateGets429WithRetryAfter() throws Exception {
        try (TestApp app = new TestApp("busy");
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS, b -> b.rateLimits(new RateLimits(100, 0.5, 100, 6)))) {
            fx.apps.put("busy", app.port());
            int ok = 0;
            RawClient.Response refused = null;
            for (int i = 0; i < 5 && refused == null; i++) {
                try (RawClient c = new RawClient(fx.port())) {
                    RawClient.Response r = c.get(fx.host("busy"), "/");
                    if (r.status() == 200) {
                        ok++;
                    } else {
                        refused = r;
                    }
                }
            }
            assertEquals(3, ok, "burst of 0.5/s x 6 s = 3 requests");
            assertEquals(429, refused.status());
            assertEquals("2", refused.headers().get("retry-after"));
            assertTrue(refused.body().contains("rate.client"));
        }
    }
}
