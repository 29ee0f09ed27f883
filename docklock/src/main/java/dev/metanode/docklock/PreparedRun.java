package dev.metanode.docklock;

import dev.metanode.core.workload.FileDigest;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.docklock.internal.LaunchPlan;
import dev.metanode.docklock.seccomp.SeccompProfile;
import dev.metanode.docklock.witness.WitnessLog;
import java.util.List;

/**
 * A run checked and ready to clone: the launch plan, and the witness entries of everything that
 * goes in.
 */
record PreparedRun(RunSpec spec, LaunchPlan plan, WitnessLog witness, SeccompProfile profile, String argvSha256,
        String stdinSha256, List<FileDigest> inputs) {}
