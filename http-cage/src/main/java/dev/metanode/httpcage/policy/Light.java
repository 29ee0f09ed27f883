package dev.metanode.httpcage.policy;

/** The traffic light of a data flow. */
public enum Light {
    /** Passes. */
    GREEN,
    /** Passes, flagged in the receipt for review. */
    YELLOW,
    /** Refused. */
    RED
}
