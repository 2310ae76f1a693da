package org.imagingexchange.allinone;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imagingexchange.testsupport.Http;

/**
 * A real Prometheus server (the Debian package {@code prometheus}, which scripts/lib/install.sh installs) run
 * by a test on 127.0.0.1 with a configuration of the test's own, its data under the given work directory
 * (emptied first), and its HTTP API (Prometheus' {@code /api/v1}). Stopped by {@link #close()}.
 */
final class PrometheusServer implements AutoCloseable {

    private static final List<String> BINARIES = List.of("/usr/bin/prometheus", "/usr/local/bin/prometheus");

    private final Process process;
    private final String base;
    private final Path log;

    private PrometheusServer(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Prometheus and waits until it is ready ({@code /-/ready}).
     *
     * @param work   work directory (configuration, data, log); emptied first
     * @param port   loopback port of its web UI and API
     * @param config its configuration file's content (prometheus.yml)
     * @return the running server
     * @throws AssertionError when the binary is missing, or it exits or is not ready within 60 s
     */
    static PrometheusServer start(Path work, int port, String config) throws IOException, InterruptedException {
        String binary = BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst()
                .orElseThrow(() -> new AssertionError("prometheus missing: install the Debian package prometheus "
                        + "(scripts/lib/install.sh ensure_debian_packages does)"));
        delete(work);
        Files.createDirectories(work);
        Path configFile = Files.writeString(work.resolve("prometheus.yml"), config);
        Path log = work.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary, "--config.file=" + configFile.toAbsolutePath(),
                "--storage.tsdb.path=" + work.resolve("data").toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    /**
     * @param pathAndQuery API path below {@code /api/v1}, with its query string
     * @return the response's {@code data} member
     * @throws AssertionError when Prometheus does not answer with status success
     */
    JsonObject api(String pathAndQuery) {
        HttpResponse<String> r = Http.get(base + "/api/v1" + pathAndQuery, null);
        JsonObject body = (JsonObject) Http.json(r);
        if (r.statusCode() != 200 || !"success".equals(body.getString("status"))) {
            throw new AssertionError("Prometheus " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return body.getJsonObject("data");
    }

    /**
     * @param promql an instant query
     * @return the {@code data} of its result at the current time
     */
    JsonObject query(String promql) {
        return api("/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** @return the last lines of Prometheus' own log, for failure messages */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new AssertionError("Prometheus did not become ready on " + base + ":\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    private boolean ready() {
        try {
            return Http.get(base + "/-/ready", null).statusCode() == 200;
        } catch (IllegalStateException notListening) {
            return false;
        }
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
