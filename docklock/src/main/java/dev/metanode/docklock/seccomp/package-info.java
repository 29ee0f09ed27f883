/**
 * Seccomp profiles and their compiler to classic BPF. A profile is a list of system-call rules
 * (YAML); {@link dev.metanode.docklock.seccomp.SeccompCompiler} turns it into the filter the cage
 * installs. The build has no libseccomp: the compiler is plain Java and its output is tested by a
 * BPF interpreter and against the kernel.
 */
package dev.metanode.docklock.seccomp;
