package dev.metanode.core.net;

/** What a peer can do wrong, and how many points each costs it in {@link PeerScores}. */
public enum Misbehaviour {
    /** A frame that fails to decode, authenticate or fit the limits: never an accident on TCP. */
    BAD_FRAME(-50),
    /** A handshake that fails (bad signature, wrong identity, timeout). */
    HANDSHAKE_FAILED(-20),
    /** A proven key that is not on the allow-list. */
    NOT_ALLOWED(-100);

    private final int points;

    Misbehaviour(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}
