package dev.metanode.docklock;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime's threads. Cages are cloned from one long-lived thread because the kernel's
 * parent-death signal, which kills a cage when the node dies, follows the thread that cloned it.
 */
final class CageThreads implements AutoCloseable {
    final ExecutorService spawner = Executors.newSingleThreadExecutor(daemon("docklock-spawn"));
    /** Blocking readers, writers and waiters: platform threads, they sit in native calls. */
    final ExecutorService io = Executors.newCachedThreadPool(daemon("docklock-io"));
    /** Makes cage cgroups ahead of need (CgroupPool). */
    final ExecutorService cgroupMaker = Executors.newSingleThreadExecutor(daemon("docklock-cgroups"));
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("docklock-timer"));

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        spawner.shutdownNow();
        io.shutdownNow();
        timers.shutdownNow();
        cgroupMaker.shutdownNow();
    }
}
