package dev.metanode.core.workload;

/** A run could not be set up for a reason the user can fix; the message is one sentence for them. */
public class WorkloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkloadException(String message) {
        super(message);
    }

    public WorkloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
