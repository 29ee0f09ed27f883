package dev.metanode.core.net;

import dev.metanode.core.kernel.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Misbehaviour points per peer (a key, or a remote address before the key is known). A peer whose
 * score falls to {@code banScoreMin} is banned for {@code banDurationMs}; when the ban ends its
 * score starts again from zero. The table is bounded so that a scan from many addresses cannot
 * grow it without end. Thread-safe.
 *
 * @param <K> how peers are named: {@code PublicKey} or {@code InetAddress}
 */
public final class PeerScores<K> {
    /** Peers remembered at once; the least recently penalised are forgotten first. */
    public static final int ENTRIES_MAX = 10_000;

    private final int banScoreMin;
    private final long banDurationMs;
    private final Clock clock;
    private final Map<K, Score> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, Score> eldest) {
            return size() > ENTRIES_MAX;
        }
    };

    public PeerScores(int banScoreMin, long banDurationMs, Clock clock) {
        if (banScoreMin >= 0 || banDurationMs <= 0) {
            throw new IllegalArgumentException("banScoreMin must be negative and banDurationMs positive");
        }
        this.banScoreMin = banScoreMin;
        this.banDurationMs = banDurationMs;
        this.clock = clock;
    }

    public static <K> PeerScores<K> of(NetLimits limits, Clock clock) {
        return new PeerScores<>(limits.banScoreMin(), limits.banDurationMs(), clock);
    }

    /** Lowers the peer's score; returns true if this made (or kept) the peer banned. */
    public synchronized boolean penalize(K peer, Misbehaviour what) {
        Score entry = current(peer);
        if (entry == null) {
            entry = new Score();
            entries.put(peer, entry);
        }
        entry.score += what.points();
        if (entry.score <= banScoreMin && entry.bannedUntilMs == 0) {
            entry.bannedUntilMs = clock.millis() + banDurationMs;
        }
        return entry.bannedUntilMs != 0;
    }

    public synchronized boolean isBanned(K peer) {
        Score entry = current(peer);
        return entry != null && entry.bannedUntilMs != 0;
    }

    public synchronized int score(K peer) {
        Score entry = current(peer);
        return entry == null ? 0 : entry.score;
    }

    /** The entry, or null once an expired ban has been forgiven. */
    private Score current(K peer) {
        Score entry = entries.get(peer);
        if (entry != null && entry.bannedUntilMs != 0 && clock.millis() >= entry.bannedUntilMs) {
            entries.remove(peer);
            return null;
        }
        return entry;
    }

    private static final class Score {
        int score;
        long bannedUntilMs;
    }
}
