package dev.metanode.consensus.payload;

/** The four signed QBFT message types; the code is part of the signed bytes. */
public enum MessageType {
    PROPOSAL(1), PREPARE(2), COMMIT(3), ROUND_CHANGE(4);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MessageType of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown consensus message type " + code);
    }
}
