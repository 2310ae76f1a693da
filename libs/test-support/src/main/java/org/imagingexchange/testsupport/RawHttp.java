package org.imagingexchange.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request exactly as written (a request line the JDK's client would refuse: broken
 * percent escapes, control characters, odd methods) to 127.0.0.1 and reads the answer until the server
 * closes. For bad-input tests only; no chunked decoding beyond what the tests inspect (status, headers,
 * raw body text).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * The answer.
     *
     * @param status  status code; 0 when the server closed without a status line
     * @param headers header fields, names lower-case (last value wins)
     * @param body    the raw body text (chunk sizes included when chunked)
     */
    public record Answer(int status, Map<String, String> headers, String body) {

        /** @return the Content-Type, empty when none */
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * @param port        server port on 127.0.0.1
     * @param requestLine e.g. {@code GET /fhir/x%zz HTTP/1.1}
     * @param headers     further header lines, each {@code Name: value}
     * @return the answer
     */
    public static Answer send(int port, String requestLine, String... headers) {
        return sendWithBody(port, requestLine, null, headers);
    }

    /**
     * @param port        server port on 127.0.0.1
     * @param requestLine e.g. {@code POST /fhir/DiagnosticReport HTTP/1.1}
     * @param body        request body (UTF-8); null for none; the caller sends Content-Length
     * @param headers     further header lines, each {@code Name: value}
     * @return the answer
     */
    public static Answer sendWithBody(int port, String requestLine, String body, String... headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(port)
                .append("\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(requestLine + " failed: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server that refuses a request may reset the connection after answering; keep what came.
        }
        return b.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = 0;
        if (lines.length > 0 && lines[0].startsWith("HTTP/")) {
            String[] parts = lines[0].split(" ");
            status = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, body);
    }
}
