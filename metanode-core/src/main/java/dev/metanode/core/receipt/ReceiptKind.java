package dev.metanode.core.receipt;

import java.util.Locale;

/** What a receipt records: DESIGN.md section 4. */
public enum ReceiptKind {
    /** A node or API action: start, stop, a denied request, a key change. */
    ACTION,
    /** One caged run or one step of an app's life (deploy, start, exit, restart, remove). */
    STEP,
    /** An agreement decision of the court node. */
    AGREEMENT,
    /** A request/response pair through the HTTP cage. */
    PIPELINE,
    /** Metering and settlement in the bank mesh. */
    ECONOMIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReceiptKind fromWire(String name) {
        for (ReceiptKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown receipt kind '" + name + "' (one of action, step, agreement,"
                + " pipeline, economic)");
    }
}
