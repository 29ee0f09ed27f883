package dev.metanode.core.kernel;

/** A part of the node with a lifecycle. Started in dependency order, stopped in reverse. */
public interface Service {
    String name();

    void start() throws Exception;

    void stop() throws Exception;
}
