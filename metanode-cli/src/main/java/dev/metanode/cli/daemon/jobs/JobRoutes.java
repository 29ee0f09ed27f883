package dev.metanode.cli.daemon.jobs;

import dev.metanode.cli.daemon.ApiError;
import dev.metanode.cli.daemon.ApiRequest;
import dev.metanode.cli.daemon.ApiResponse;
import dev.metanode.cli.daemon.Router;
import dev.metanode.core.codec.Json;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.workload.ReplayResult;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.core.workload.WorkloadException;
import dev.metanode.core.workload.WorkloadRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/v1/jobs}: runs a job in the cage and streams its output as NDJSON events,
 * ending with an {@code exit} event that names the step receipt. {@code POST
 * /api/v1/jobs/replay/{id}} re-runs a job from its receipt and records the verdict.
 */
public final class JobRoutes {
    /** How long a stopped job (its client went away) gets between SIGTERM and SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final long CLIENT_CHECK_MS = 200;

    private final WorkloadRuntime runtime;
    private final ReceiptLog log;
    private final Path jobsDir;

    public JobRoutes(WorkloadRuntime runtime, ReceiptLog log, Path jobsDir) {
        this.runtime = runtime;
        this.log = log;
        this.jobsDir = jobsDir;
    }

    public void register(Router router) {
        router.add("POST", "/api/v1/jobs", this::run);
        router.add("POST", "/api/v1/jobs/replay/{id}", this::replay);
    }

    private ApiResponse run(ApiRequest request) throws IOException {
        Path out = Files.createDirectories(jobsDir.resolve(Long.toString(System.currentTimeMillis(), 36) + "-"
                + Long.toString(System.nanoTime() & 0xffffff, 36)).resolve("out"));
        RunSpec spec = JobRequest.parse(Json.parse(request.body()), out, "api:" + request.remote());
        return ApiResponse.stream(stream -> runStreaming(spec, new EventStream(stream)));
    }

    private void runStreaming(RunSpec spec, EventStream events) {
        RunningWorkload job;
        try {
            job = runtime.start(spec, (channel, bytes) -> events.send(Map.of("t", channel.name().toLowerCase(),
                    "b64", Base64.getEncoder().encodeToString(bytes))));
        } catch (WorkloadException | IllegalArgumentException e) {
            events.send(Map.of("t", "error", "message", String.valueOf(e.getMessage())));
            return;
        }
        RunResult result = awaitOrStopWhenClientLeaves(job, events);
        LoggedReceipt receipt = log.appendAndWait(result.receipt());
        events.send(exitEvent(result, receipt));
    }

    private static RunResult awaitOrStopWhenClientLeaves(RunningWorkload job, EventStream events) {
        while (true) {
            try {
                return job.onExit().get(CLIENT_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (events.gone()) {
                    return job.stop(STOP_GRACE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job.stop(STOP_GRACE);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the cage failed: " + e.getCause(), e.getCause());
            }
        }
    }

    static Map<String, Object> exitEvent(RunResult result, LoggedReceipt receipt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("t", "exit");
        event.put("code", result.exit().code());
        event.put("signal", result.exit().signal());
        event.put("receipt", receipt.id());
        event.put("witnessRoot", result.witnessRoot());
        event.put("containments", result.containments().stream().map(Object::toString).toList());
        event.put("stdoutTruncated", result.stdout().truncated());
        return event;
    }

    private ApiResponse replay(ApiRequest request) {
        String id = request.params().get(0);
        LoggedReceipt original = log.find(id).orElseThrow(() -> new ApiError(404, "no receipt " + id));
        byte[] stdin = request.body().length == 0 ? new byte[0]
                : Base64.getDecoder().decode(Json.parse(request.body()).path("stdinBase64").asText(""));
        ReplayResult replay;
        try {
            replay = runtime.replay(StepReceipts.draftOf(original), stdin);
        } catch (WorkloadException e) {
            throw new ApiError(400, e.getMessage());
        }
        LoggedReceipt verdict = log.appendAndWait(StepReceipts.verdict(original, replay));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("original", original.id());
        out.put("matches", replay.matches());
        out.put("recordedRoot", replay.recordedRoot());
        out.put("replayedRoot", replay.replayedRoot());
        out.put("receipt", verdict.id());
        return ApiResponse.json(out);
    }
}
