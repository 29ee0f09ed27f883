/**
 * The workload port: how the rest of Metanode runs a program in a cage without knowing how the
 * cage is built. {@code docklock} implements it with Linux namespaces, seccomp and cgroups; the
 * daemon and {@code enc-cluster} only see {@link dev.metanode.core.workload.WorkloadRuntime} and the
 * plain records here.
 */
package dev.metanode.core.workload;
