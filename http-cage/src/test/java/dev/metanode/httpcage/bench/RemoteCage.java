package dev.metanode.httpcage.bench;

import dev.metanode.core.net.netty.NettyJvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bench's end of a {@link CageProcess}: starts it, asks it questions, stops it. */
final class RemoteCage implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;
    private final String transport;

    RemoteCage(int backendPort, boolean notarise, boolean sign, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The daemon's Netty options, so the bench measures the cage as `metanode start` runs it.
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(NettyJvmOptions.forChildJvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CageProcess.class.getName(),
                Integer.toString(backendPort), Boolean.toString(notarise), Boolean.toString(sign), dir.toString()));
        process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the cage process did not start: " + first);
        }
        String[] parts = first.split(" ");
        port = Integer.parseInt(parts[1]);
        transport = parts[3];
    }

    int port() {
        return port;
    }

    String transport() {
        return transport;
    }

    long logSize() throws IOException {
        return Long.parseLong(ask("size"));
    }

    void gc() throws IOException {
        ask("gc");
    }

    String scrape() throws IOException {
        in.println("metrics");
        StringBuilder b = new StringBuilder();
        for (String line = out.readLine(); line != null && !line.equals("."); line = out.readLine()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private String ask(String command) throws IOException {
        in.println(command);
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("the cage process ended");
        }
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        in.println("stop");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
