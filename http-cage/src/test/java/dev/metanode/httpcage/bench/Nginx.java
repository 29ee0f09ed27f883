package dev.metanode.httpcage.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** An nginx of our own for the benchmark: a backend answering 200 "hello", and a reverse proxy to it. */
final class Nginx implements AutoCloseable {
    final int backendPort;
    final int proxyPort;
    private final Process process;

    Nginx(Path dir, int workers) throws IOException, InterruptedException {
        backendPort = freePort();
        proxyPort = freePort();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String temp = dir.toAbsolutePath().toString();
        String conf = "worker_processes " + workers + ";\npid " + temp + "/nginx.pid;\nerror_log " + temp
                + "/error.log warn;\nevents { worker_connections 4096; }\nhttp {\n access_log off;\n"
                // nginx closes a keep-alive connection after 1,000 requests by default (client side and
                // upstream side); the load generators and the cage would then measure reconnects.
                + " keepalive_requests 1000000;\n"
                + " client_body_temp_path " + temp + "/body; proxy_temp_path " + temp + "/proxy;\n"
                + " fastcgi_temp_path " + temp + "/fcgi; uwsgi_temp_path " + temp + "/uwsgi; scgi_temp_path " + temp
                + "/scgi;\n upstream backend { server 127.0.0.1:" + backendPort + "; keepalive 64; keepalive_requests 1000000; }\n"
                + " server { listen 127.0.0.1:" + backendPort + "; location / { return 200 \"hello\\n\"; } }\n"
                + " server { listen 127.0.0.1:" + proxyPort + "; location / { proxy_pass http://backend;"
                + " proxy_http_version 1.1; proxy_set_header Connection \"\"; } }\n}\n";
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        process = new ProcessBuilder("nginx", "-p", temp, "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        waitForPort(backendPort);
        waitForPort(proxyPort);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
