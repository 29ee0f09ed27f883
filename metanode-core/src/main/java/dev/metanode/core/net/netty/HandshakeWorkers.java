package dev.metanode.core.net.netty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run handshake crypto, apart from the event loops. The queue is bounded: when
 * more handshake steps wait than {@link #HANDSHAKES_QUEUED_MAX}, new ones are refused and their
 * connections closed, so a flood of strangers costs a bounded amount of CPU and memory.
 */
final class HandshakeWorkers {
    /** Handshake steps waiting for a worker before new connections are turned away. */
    static final int HANDSHAKES_QUEUED_MAX = 256;

    private HandshakeWorkers() {}

    static ThreadPoolExecutor create(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(HANDSHAKES_QUEUED_MAX), runnable -> {
                    Thread thread = new Thread(runnable, "net-handshake-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
