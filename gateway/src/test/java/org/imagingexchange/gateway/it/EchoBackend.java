package org.imagingexchange.gateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * Test double of OUR services behind the gateway (not of a named real peer): on 127.0.0.1 it echoes
 * method, raw path, raw query, headers and the digest of the request body (read streaming), answers a
 * POST of a DiagnosticReport with 201 and a service-side Location, and streams a generated body of any
 * size for {@code .../bulkdata/generated?bytes=N}; {@code .../bulkdata/broken?bytes=N} sends N bytes of a
 * chunked body and then drops the connection without the last chunk (a service failing mid-stream).
 */
final class EchoBackend implements AutoCloseable {

    /**
     * Starts the backend on {@code it.backend.port} and waits until the gateway under test is ready.
     *
     * @return the running backend (close it after the class's tests)
     * @throws AssertionError when the gateway is not ready within 60 s
     */
    static EchoBackend startForGateway() throws IOException, InterruptedException {
        EchoBackend backend = new EchoBackend(Integer.getInteger("it.backend.port", 19089));
        for (int i = 0; i < 120; i++) {
            if (org.imagingexchange.testsupport.Http.get("/health/ready", null).statusCode() == 200) {
                return backend;
            }
            Thread.sleep(500);
        }
        backend.close();
        throw new AssertionError("gateway not ready: " + org.imagingexchange.testsupport.Http.get("/health/ready", null).body());
    }


    static final String BOUNDARY = "gw-it-boundary";

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);

    EchoBackend(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        if (ex.getRequestURI().getRawPath().endsWith("/bulkdata/broken")) {
            breakOff(ex);
            return;
        }
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            ex.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"backend\"");
            ex.getResponseHeaders().add("X-Backend", "echo");
            if (path.endsWith("/bulkdata/generated")) {
                long size = Long.parseLong(query.replaceAll(".*bytes=(\\d+).*", "$1"));
                ex.getResponseHeaders().add("Content-Type",
                        "multipart/related; type=\"application/octet-stream\"; boundary=" + BOUNDARY);
                ex.sendResponseHeaders(200, 0); // chunked: length unknown to the gateway
                try (OutputStream out = ex.getResponseBody(); InputStream in = new PatternInputStream(size)) {
                    in.transferTo(out);
                }
                return;
            }
            String body = echo(ex, path, query);
            int status = 200;
            if ("POST".equals(ex.getRequestMethod()) && path.endsWith("/fhir/DiagnosticReport")) {
                status = 201;
                int port = server.getAddress().getPort();
                ex.getResponseHeaders().add("Location",
                        "http://127.0.0.1:" + port + "/reports/fhir/DiagnosticReport/42/_history/1");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    /**
     * Sends part of a chunked body, then fails: the server closes the connection when a handler throws
     * before closing the exchange, so the terminating chunk is never written.
     */
    private static void breakOff(HttpExchange ex) throws IOException {
        long size = Long.parseLong(ex.getRequestURI().getRawQuery().replaceAll(".*bytes=(\\d+).*", "$1"));
        ex.getResponseHeaders().add("Content-Type",
                "multipart/related; type=\"application/octet-stream\"; boundary=" + BOUNDARY);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try (InputStream in = new PatternInputStream(size)) {
            in.transferTo(out);
        }
        out.flush();
        throw new IOException("test double: the service fails after " + size + " bytes");
    }

    private static String echo(HttpExchange ex, String path, String query) throws IOException {
        MessageDigest sha = sha256();
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = ex.getRequestBody()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                count += n;
            }
        }
        JsonObjectBuilder headers = Json.createObjectBuilder();
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach((k, v) -> sorted.put(k.toLowerCase(java.util.Locale.ROOT), v));
        sorted.forEach((k, v) -> {
            JsonArrayBuilder values = Json.createArrayBuilder();
            v.forEach(values::add);
            headers.add(k, values);
        });
        return Json.createObjectBuilder()
                .add("method", ex.getRequestMethod())
                .add("path", path)
                .add("query", query == null ? "" : query)
                .add("headers", headers)
                .add("bodyBytes", count)
                .add("bodySha256", HexFormat.of().formatHex(sha.digest()))
                .build().toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
