package dev.metanode.cli.daemon.apps;

import dev.metanode.cli.daemon.ApiError;
import dev.metanode.cli.daemon.ApiRequest;
import dev.metanode.cli.daemon.ApiResponse;
import dev.metanode.cli.daemon.Router;
import dev.metanode.core.codec.Json;
import dev.metanode.core.workload.OutputListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** /api/v1/apps: deploy, list, remove, logs (with follow). */
public final class AppRoutes {
    /** Output chunks a slow follower may fall behind by before it is cut off. */
    static final int FOLLOW_QUEUE_MAX = 1_024;
    private static final long FOLLOW_POLL_MS = 500;

    private final AppManager apps;

    public AppRoutes(AppManager apps) {
        this.apps = apps;
    }

    public void register(Router router) {
        router.add("POST", "/api/v1/apps", this::deploy);
        router.add("GET", "/api/v1/apps", r -> ApiResponse.json(Map.of("apps", apps.list())));
        router.add("DELETE", "/api/v1/apps/{name}", this::remove);
        router.add("GET", "/api/v1/apps/{name}/logs", this::logs);
    }

    private ApiResponse deploy(ApiRequest request) throws IOException {
        String dir = Json.parse(request.body()).path("dir").asText("");
        Path source = Path.of(dir);
        if (dir.isEmpty() || !source.isAbsolute() || !Files.isDirectory(source)) {
            throw new ApiError(400, "dir must be an existing absolute directory: '" + dir + "'");
        }
        return ApiResponse.json(201, apps.deploy(source, "api:" + request.remote()));
    }

    private ApiResponse remove(ApiRequest request) throws IOException {
        String name = request.params().get(0);
        if (apps.app(name).isEmpty()) {
            throw new ApiError(404, "no app named '" + name + "' is deployed");
        }
        return ApiResponse.json(Map.of("removed", name, "receipt", apps.remove(name, "api:" + request.remote()).id()));
    }

    private ApiResponse logs(ApiRequest request) throws IOException {
        String name = request.params().get(0);
        AppManager.App app = apps.app(name).orElseThrow(() -> new ApiError(404, "no app named '" + name + "' is deployed"));
        boolean follow = "true".equals(request.query("follow", "false"));
        byte[] tail = app.log().tail();
        if (!follow) {
            return new ApiResponse(200, "text/plain; charset=utf-8", tail);
        }
        return ApiResponse.stream(out -> {
            BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(FOLLOW_QUEUE_MAX);
            OutputListener listener = (channel, bytes) -> queue.offer(bytes);
            app.log().follow(listener);
            try {
                writeChunk(out, tail);
                while (apps.app(name).isPresent()) {
                    byte[] next = queue.poll(FOLLOW_POLL_MS, TimeUnit.MILLISECONDS);
                    writeChunk(out, next == null ? new byte[0] : next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                app.log().unfollow(listener);
            }
        });
    }

    /** One NDJSON line per chunk; an empty chunk is a heartbeat that finds a vanished client. */
    private static void writeChunk(java.io.OutputStream out, byte[] bytes) throws IOException {
        String line = Json.write(Map.of("b64", Base64.getEncoder().encodeToString(bytes))) + "\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
