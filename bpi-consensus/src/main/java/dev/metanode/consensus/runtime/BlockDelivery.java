package dev.metanode.consensus.runtime;

import dev.metanode.core.kernel.Ledger;
import dev.metanode.core.ledger.CommittedBlock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Hands final blocks to {@code Ledger.follow} listeners on its own thread, in height order, without
 * gaps. The consensus thread only offers to a bounded queue and never waits: when a slow listener
 * lets the queue fill, later blocks are not queued, and this thread reads the missing heights back
 * from the chain store instead. So a slow listener delays only its own deliveries, never commits.
 */
final class BlockDelivery {
    /** Blocks queued for delivery; beyond this they are re-read from the store when their turn comes. */
    static final int QUEUE_BLOCKS_MAX = 1_024;
    /** How often an idle delivery thread checks for blocks that did not fit in the queue, in ms. */
    static final long IDLE_POLL_MS = 50;
    /** How long {@link #stop} lets a listener finish the blocks already final, in ms. */
    static final long STOP_WAIT_MS = 5_000;

    private static final System.Logger LOG = System.getLogger(BlockDelivery.class.getName());

    private final ArrayBlockingQueue<CommittedBlock> queue;
    private final CopyOnWriteArrayList<Follower> followers = new CopyOnWriteArrayList<>();
    private final LongFunction<Optional<CommittedBlock>> store;
    private final Thread thread;
    private final AtomicLong overflowed = new AtomicLong();
    private volatile long committedHeight;
    private volatile boolean running = true;
    /** Last height handed to followers; touched only by the delivery thread (after start). */
    private long delivered;

    /** @param store reads a final block back by height (used only for blocks that did not fit the queue) */
    BlockDelivery(String name, LongFunction<Optional<CommittedBlock>> store) {
        this(name, QUEUE_BLOCKS_MAX, store);
    }

    /** With a smaller queue, so tests can make it overflow. */
    BlockDelivery(String name, int queueBlocksMax, LongFunction<Optional<CommittedBlock>> store) {
        this.queue = new ArrayBlockingQueue<>(queueBlocksMax);
        this.store = store;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    /** Starts delivering blocks above {@code height} (the height the chain resumed at). */
    void start(long height) {
        delivered = height;
        committedHeight = height;
        thread.start();
    }

    /** From the consensus thread: a block is final. Never blocks. */
    void published(CommittedBlock block) {
        committedHeight = block.height();
        if (!queue.offer(block)) {
            overflowed.incrementAndGet();
        }
    }

    /** Registers a listener for blocks final from now on. */
    Ledger.Subscription follow(Ledger.BlockListener listener) {
        Follower follower = new Follower(listener, committedHeight + 1);
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Delivers what is already final (waiting at most {@link #STOP_WAIT_MS}), then ends the thread. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(STOP_WAIT_MS);
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "a block listener is still busy after {0} ms; interrupting it", STOP_WAIT_MS);
            thread.interrupt();
            thread.join(STOP_WAIT_MS);
        }
    }

    /** Blocks that were read back from the store because the queue was full. */
    long overflowed() {
        return overflowed.get();
    }

    private void run() {
        try {
            while (running || !queue.isEmpty() || delivered < committedHeight) {
                CommittedBlock block = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (block == null) {
                    catchUp(committedHeight);
                    if (!running && delivered < committedHeight) {
                        return; // the store could not give the rest back; do not spin at shutdown
                    }
                } else if (block.height() > delivered) {
                    catchUp(block.height() - 1);
                    if (block.height() == delivered + 1) {
                        deliver(block);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void catchUp(long target) {
        while (delivered < target) {
            Optional<CommittedBlock> block = store.apply(delivered + 1);
            if (block.isEmpty()) {
                return;
            }
            deliver(block.get());
        }
    }

    private void deliver(CommittedBlock block) {
        delivered = block.height();
        for (Follower f : followers) {
            if (block.height() >= f.next) {
                f.next = block.height() + 1;
                try {
                    f.listener.onCommitted(block);
                } catch (RuntimeException e) {
                    // One faulty listener must not stop deliveries to the others (or to itself).
                    LOG.log(System.Logger.Level.WARNING, "block listener failed at height " + block.height(), e);
                }
            }
        }
    }

    /** A listener and the first height it has not seen; {@code next} is used only by the delivery thread. */
    private static final class Follower {
        final Ledger.BlockListener listener;
        long next;

        Follower(Ledger.BlockListener listener, long next) {
            this.listener = listener;
            this.next = next;
        }
    }
}
