package dev.metanode.docklock.cgroup;

import dev.metanode.core.workload.Limits;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cage cgroups made ahead of need, so a spawn does not wait for the mkdirs and limit writes
 * (~0.4 ms on this host's three v1 hierarchies). They are made with {@link Limits#DEFAULT} by a
 * background thread; a run that asks other limits has the differing files rewritten. A cgroup is
 * never reused: its peaks and event counters would leak into the next run's result, so each one is
 * still removed after its run. Unused ones are removed by {@link #close()}, or, after a crash, by
 * the next node's {@link Cgroups#removeStale()}.
 */
public final class CgroupPool implements AutoCloseable {
    /** Ready cgroups kept: a burst of runs beyond this creates the rest inline, as without a pool. */
    static final int READY_MAX = 2;

    private final Cgroups cgroups;
    private final Executor maker;
    private final ConcurrentLinkedQueue<CageCgroup> ready = new ConcurrentLinkedQueue<>();
    /** Ready plus being made; never above {@link #READY_MAX}. */
    private final AtomicInteger planned = new AtomicInteger();
    private volatile boolean closed;

    /** Starts filling at once on {@code maker}, which should be one background thread. */
    public CgroupPool(Cgroups cgroups, Executor maker) {
        this.cgroups = cgroups;
        this.maker = maker;
        refill();
    }

    /** A fresh cgroup with these limits; empty in {@link LimitsMode#RLIMITS_ONLY}. */
    public Optional<CageCgroup> take(Limits limits) {
        if (cgroups.mode() == LimitsMode.RLIMITS_ONLY) {
            return Optional.empty();
        }
        CageCgroup made = ready.poll();
        if (made == null) {
            return cgroups.create(Cgroups.nextRunName(), limits);
        }
        planned.decrementAndGet();
        refill();
        try {
            made.rewriteLimits(Limits.DEFAULT, limits);
        } catch (RuntimeException e) {
            made.close();
            throw e;
        }
        return Optional.of(made);
    }

    private void refill() {
        while (!closed && cgroups.mode() != LimitsMode.RLIMITS_ONLY) {
            int now = planned.get();
            if (now >= READY_MAX) {
                return;
            }
            if (planned.compareAndSet(now, now + 1)) {
                try {
                    maker.execute(this::makeOne);
                } catch (RejectedExecutionException e) {
                    planned.decrementAndGet();
                    return;
                }
            }
        }
    }

    private void makeOne() {
        CageCgroup made;
        try {
            made = cgroups.create(Cgroups.nextRunName(), Limits.DEFAULT).orElseThrow();
        } catch (RuntimeException e) {
            // take() creates inline and reports the reason; a pool that cannot fill stays empty
            planned.decrementAndGet();
            return;
        }
        ready.add(made);
        if (closed) {
            removeReady();
        }
    }

    /** Cgroups made and not yet taken, for tests. */
    int readyCount() {
        return ready.size();
    }

    /** The cgroups made and not yet taken, for tests. */
    List<CageCgroup> readyCgroups() {
        return List.copyOf(ready);
    }

    private void removeReady() {
        for (CageCgroup c = ready.poll(); c != null; c = ready.poll()) {
            c.close();
        }
    }

    /** Removes the cgroups made but not taken; a cgroup still being made removes itself when done. */
    @Override
    public void close() {
        closed = true;
        removeReady();
    }
}
