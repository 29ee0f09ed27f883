package dev.metanode.cli.daemon;

/** A request the API refuses, with the HTTP status and a one-line reason for the client. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String receiptId;

    public ApiError(int status, String message) {
        this(status, message, null);
    }

    /** A refusal that itself left a receipt; the client is told its id. */
    public ApiError(int status, String message, String receiptId) {
        super(message);
        this.status = status;
        this.receiptId = receiptId;
    }

    public java.util.Map<String, Object> body() {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", getMessage());
        if (receiptId != null) {
            body.put("receipt", receiptId);
        }
        return body;
    }

    public int status() {
        return status;
    }
}
