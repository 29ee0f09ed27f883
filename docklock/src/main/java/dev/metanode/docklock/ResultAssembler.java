package dev.metanode.docklock;

import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import dev.metanode.core.workload.CapturedOutput;
import dev.metanode.core.workload.Containment;
import dev.metanode.core.workload.ContainmentReason;
import dev.metanode.core.workload.ExitStatus;
import dev.metanode.core.workload.FileDigest;
import dev.metanode.core.workload.ResourceUsage;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.docklock.cgroup.CgroupReading;
import dev.metanode.docklock.cgroup.LimitsMode;
import dev.metanode.docklock.seccomp.Syscalls;
import dev.metanode.docklock.witness.WitnessLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns what was observed of a finished cage into the {@link RunResult}, its witness root and its receipt draft. */
final class ResultAssembler {
    /** Output files witnessed per run; more is a containment-free error in the result's outputs. */
    static final int OUTPUT_FILES_MAX = 10_000;
    static final String OPERATION = "workload.run";

    /** Everything the supervision threads collected. */
    record Observed(ExitStatus exit, CapturedOutput stdout, CapturedOutput stderr, Optional<InitReport> report,
            CgroupReading cgroup, long[] notifications, long wallMillis, long[] initStatus, boolean timedOut,
            boolean stopped) {}

    private final LimitsMode limitsMode;

    ResultAssembler(LimitsMode limitsMode) {
        this.limitsMode = limitsMode;
    }

    RunResult assemble(PreparedRun run, Observed seen) {
        RunSpec spec = run.spec();
        List<Containment> containments = containments(spec, seen);
        List<FileDigest> outputs = spec.outputDir() == null ? List.of() : outputs(spec.outputDir());
        WitnessLog witness = run.witness();
        witness.add("output", "stdout", seen.stdout().sha256());
        witness.add("output", "stderr", seen.stderr().sha256());
        witness.add("exit", "status", seen.exit().toString().replace(' ', ':'));
        for (FileDigest f : outputs) {
            witness.add("file", f.path(), f.sha256());
        }
        for (Containment c : containments) {
            witness.add("contained", c.reason().wireName(), "yes");
        }
        String root = witness.rootHex();
        ResourceUsage usage = usage(seen);
        ReceiptDraft receipt = receipt(run, seen, outputs, containments, usage, root);
        return new RunResult(seen.exit(), seen.stdout(), seen.stderr(), outputs, usage, root, receipt, containments);
    }

    private static ResourceUsage usage(Observed seen) {
        long user = seen.report().map(InitReport::userMicros).orElse(seen.initStatus()[2]);
        long system = seen.report().map(InitReport::systemMicros).orElse(seen.initStatus()[3]);
        long tmp = seen.report().map(InitReport::tmpUsedBytes).orElse(-1L);
        // The kernel's maxrss of a cage process includes the copy of the node it was forked from
        // before exec, so it says nothing about the program: reported as unknown, see memoryPeakBytes.
        return new ResourceUsage(seen.wallMillis(), user, system, -1,
                seen.cgroup().memoryPeakBytes(), tmp);
    }

    private static List<Containment> containments(RunSpec spec, Observed seen) {
        List<Containment> list = new ArrayList<>();
        if (seen.timedOut()) {
            list.add(new Containment(ContainmentReason.TIMEOUT, "killed after the " + spec.timeout().toMillis() + " ms timeout"));
        }
        if (seen.stopped()) {
            list.add(new Containment(ContainmentReason.STOPPED, "stopped on request"));
        }
        if (seen.cgroup().oomKills() > 0) {
            list.add(new Containment(ContainmentReason.MEMORY_LIMIT, "the OOM killer ended " + seen.cgroup().oomKills()
                    + " process(es) at memoryBytesMax=" + spec.limits().memoryBytesMax()));
        }
        if (seen.cgroup().pidsLimitHits() > 0) {
            list.add(new Containment(ContainmentReason.PIDS_LIMIT, seen.cgroup().pidsLimitHits()
                    + " fork(s) refused at pidsMax=" + spec.limits().pidsMax()));
        }
        if (seen.report().map(InitReport::tmpfsFull).orElse(false)) {
            list.add(new Containment(ContainmentReason.TMPFS_FULL, "/tmp full at tmpfsBytesMax=" + spec.limits().tmpfsBytesMax()));
        }
        long[] n = seen.notifications();
        for (int i = 0; i + 1 < n.length; i += 2) {
            String name = Syscalls.name((int) n[i]).orElse("syscall " + n[i]);
            list.add(new Containment(ContainmentReason.SYSCALL_DENIED, name + " denied " + n[i + 1] + " time(s)"));
        }
        for (CapturedOutput out : List.of(seen.stdout(), seen.stderr())) {
            if (out.truncated()) {
                String which = out == seen.stdout() ? "stdout" : "stderr";
                list.add(new Containment(ContainmentReason.OUTPUT_TRUNCATED, which + " kept " + out.head().length + " of "
                        + out.totalBytes() + " bytes"));
            }
        }
        return list;
    }

    private static List<FileDigest> outputs(Path dir) {
        List<FileDigest> list = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().limit(OUTPUT_FILES_MAX)
                    .forEach(f -> list.add(RunPreparer.digestFile(f, dir.relativize(f).toString())));
        } catch (IOException e) {
            return list;
        }
        return list;
    }

    private ReceiptDraft receipt(PreparedRun run, Observed seen, List<FileDigest> outputs, List<Containment> containments,
            ResourceUsage usage, String root) {
        RunSpec spec = run.spec();
        ReceiptDraft.Builder b = ReceiptDraft.builder(ReceiptKind.STEP, spec.actor(), OPERATION);
        b.subject(new Subject("argv", run.argvSha256()));
        for (FileDigest input : run.inputs()) {
            b.subject(new Subject("input:" + input.path(), input.sha256()));
        }
        b.subject(new Subject("stdout", seen.stdout().sha256()));
        b.subject(new Subject("stderr", seen.stderr().sha256()));
        for (FileDigest f : outputs) {
            b.subject(new Subject("output:" + f.path(), f.sha256()));
        }
        b.subject(new Subject("witness-root", root));
        spec.toRecord(run.stdinSha256()).forEach(b::input);
        b.result("exit", seen.exit().toString());
        b.result("witnessRoot", root);
        b.result("stdoutBytes", seen.stdout().totalBytes());
        b.result("stderrBytes", seen.stderr().totalBytes());
        b.result("containments", containments.stream().map(Containment::toString).toList());
        b.result("witnessEntries", run.witness().entries());
        b.policy("seccompProfile", run.profile().name());
        b.policy("seccompProfileSha256", run.profile().digest());
        b.policy("limitsMode", limitsMode.wireName());
        b.policy("network", spec.network().wireName());
        b.policy("deterministic", spec.seed().isPresent());
        Map<String, Object> resources = new LinkedHashMap<>(usage.toRecord());
        resources.forEach(b::resource);
        return b.build();
    }
}
