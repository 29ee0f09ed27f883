package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawApp;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The head deadline and the request time limit are per request, on timers that are moved rather
 * than re-scheduled: a limit must fire for the request that overruns it, never for a later one.
 */
class TimeLimitsTest {
    private static final long HEADERS_MS = 300;
    private static final long REQUEST_MS = 400;
    private TestApp hello;
    private RawApp silent;
    private CageFixture fx;

    @BeforeEach
    void start() throws Exception {
        hello = new TestApp("hello");
        silent = RawApp.silent();
        fx = new CageFixture(CageLimits.DEFAULTS.withHeadersTimeoutMs(HEADERS_MS).withRequestTimeMaxMs(REQUEST_MS));
        fx.apps.put("hello", hello.port());
        fx.apps.put("silent", silent.port());
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        hello.close();
        silent.close();
    }

    @Test
    void anAppThatNeverAnswersGets504AfterTheLimit() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            long start = System.nanoTime();
            RawClient.Response r = c.get(fx.host("silent"), "/");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, r.status());
            assertTrue(r.body().contains("app.timeout"), r.body());
            assertTrue(ms >= REQUEST_MS - 50 && ms < 3_000, "answered after " + ms + " ms");
        }
    }

    @Test
    void fastRequestsSpreadOverManyLimitsAreNeverCutOff() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            for (int i = 0; i < 6; i++) {
                assertEquals(200, c.get(fx.host("hello"), "/" + i).status(), "request " + i);
                // longer than the head deadline, and together longer than the request limit
                Thread.sleep(HEADERS_MS + 50);
            }
        }
        assertEquals(6, hello.requests.get());
    }

    @Test
    void aSlowHeadAfterAFastExchangeStillGets408() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            assertEquals(200, c.get(fx.host("hello"), "/first").status());
            Thread.sleep(HEADERS_MS + 100); // idle keep-alive time does not count
            long start = System.nanoTime();
            c.send("GET /second HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\n");
            assertEquals(408, c.read().status());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= HEADERS_MS - 50 && ms < 3_000, "cut off after " + ms + " ms");
        }
    }
}
