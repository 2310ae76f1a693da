import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client of the retrieval benchmark: C clients each send WADO-RS GETs (HTTP/1.1 over a plain socket,
 * keep-alive when the server allows it) one after another for a fixed window, read every body completely
 * (Content-Length, chunked, or until close) and check each complete body: status 200, the expected byte
 * count, and the closing multipart delimiter ({@code --boundary--}, PS3.18 §8.7.3.3.2). Bytes received in the
 * window count toward throughput; requests in flight when the window ends are cut off and count as bytes only.
 *
 * <pre>
 * java RetrievalBenchClient.java URL ACCEPT AUTHORIZATION CLIENTS SECONDS EXPECTED_BYTES [MIN_REQUESTS]
 * </pre>
 * AUTHORIZATION is the whole header value ("-" for none); EXPECTED_BYTES 0 skips the size check (the first
 * complete body's size is then printed as "bytes_per_body"). Prints one JSON object on stdout.
 */
public final class RetrievalBenchClient {

    private static final int BUFFER = 256 * 1024;

    private final URI uri;
    private final byte[] request;
    private final long expectedBytes;
    private final long deadlineNanos;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong sizeSeen = new AtomicLong(-1);
    private final List<Long> ttfbNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> totalNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

    private RetrievalBenchClient(URI uri, String accept, String authorization, long expectedBytes, long deadlineNanos) {
        this.uri = uri;
        this.expectedBytes = expectedBytes;
        this.deadlineNanos = deadlineNanos;
        StringBuilder r = new StringBuilder("GET ").append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n");
        if (!"-".equals(authorization)) {
            r.append("Authorization: ").append(authorization).append("\r\n");
        }
        this.request = r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int clients = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        long expected = Long.parseLong(args[5]);
        int minRequests = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        long start = System.nanoTime();
        RetrievalBenchClient bench = new RetrievalBenchClient(uri, args[1], args[2], expected,
                start + (long) (seconds * 1e9));
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    bench.runClient(minRequests);
                } finally {
                    done.countDown();
                }
            }, "client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println(bench.summary(clients, elapsed));
    }

    private void runClient(int minRequests) {
        Socket socket = null;
        int mine = 0;
        try {
            while (System.nanoTime() < deadlineNanos || mine < minRequests) {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setReceiveBufferSize(1 << 20);
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                }
                boolean keep;
                try {
                    keep = exchange(socket, mine < minRequests);
                    mine++;
                } catch (CutOff e) {
                    return;
                } catch (IOException e) {
                    errors.incrementAndGet();
                    sample(e.toString());
                    keep = false;
                }
                if (!keep) {
                    socket.close();
                    socket = null;
                }
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            sample("connect: " + e);
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the window is over; nothing to report
                }
            }
        }
    }

    /** Thrown when the window ends in the middle of a body. */
    private static final class CutOff extends Exception {
        CutOff() {
            super(null, null, false, false);
        }
    }

    /** @return whether the connection can carry another request */
    private boolean exchange(Socket socket, boolean mustFinish) throws IOException, CutOff {
        long t0 = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[BUFFER];
        // Response head, byte by byte from the buffer until CRLFCRLF.
        int filled = 0;
        int headEnd = -1;
        long ttfb = -1;
        while (headEnd < 0) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                throw new IOException("connection closed before the response head");
            }
            if (ttfb < 0) {
                ttfb = System.nanoTime() - t0;
            }
            filled += n;
            headEnd = indexOf(buf, filled, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (headEnd < 0 && filled == buf.length) {
                throw new IOException("response head too large");
            }
        }
        String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = lines[0].startsWith("HTTP/1.0");
        String boundary = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.toLowerCase(Locale.ROOT).contains("close");
                case "content-type" -> boundary = boundaryOf(value);
                default -> { }
            }
        }
        ttfbNanos.add(ttfb);
        Body body = new Body(in, buf, headEnd + 4, filled, mustFinish);
        long size = chunked ? body.chunked() : contentLength >= 0 ? body.fixed(contentLength) : body.untilClose();
        totalNanos.add(System.nanoTime() - t0);
        String problem = null;
        if (status != 200) {
            problem = "HTTP " + status;
        } else if (expectedBytes > 0 && size != expectedBytes) {
            problem = "body of " + size + " bytes, expected " + expectedBytes;
        } else if (boundary != null && !body.tail().endsWith("--" + boundary + "--\r\n")
                && !body.tail().endsWith("--" + boundary + "--")) {
            problem = "multipart body not closed by --" + boundary + "--";
        }
        if (problem != null) {
            errors.incrementAndGet();
            sample(problem);
            return false;
        }
        completed.incrementAndGet();
        sizeSeen.compareAndSet(-1, size);
        return !close && (chunked || contentLength >= 0);
    }

    private static String boundaryOf(String contentType) {
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring("boundary=".length());
                return b.startsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** Reads one body, counting bytes into the shared counter, remembering its last bytes. */
    private final class Body {
        private final InputStream in;
        private final byte[] buf;
        private final boolean mustFinish;
        private int pos;
        private int limit;
        private final byte[] tail = new byte[128];
        private int tailLength;

        Body(InputStream in, byte[] buf, int pos, int limit, boolean mustFinish) {
            this.in = in;
            this.buf = buf;
            this.pos = pos;
            this.limit = limit;
            this.mustFinish = mustFinish;
        }

        private boolean fill() throws IOException, CutOff {
            if (!mustFinish && System.nanoTime() > deadlineNanos) {
                throw new CutOff();
            }
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        private void consume(int from, int n) {
            bytes.addAndGet(n);
            if (n >= tail.length) {
                System.arraycopy(buf, from + n - tail.length, tail, 0, tail.length);
                tailLength = tail.length;
            } else {
                int keep = Math.min(tailLength, tail.length - n);
                System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                System.arraycopy(buf, from, tail, keep, n);
                tailLength = keep + n;
            }
        }

        long fixed(long length) throws IOException, CutOff {
            long left = length;
            while (left > 0) {
                if (pos == limit && !fill()) {
                    throw new IOException("body ended after " + (length - left) + " of " + length + " bytes");
                }
                int n = (int) Math.min(left, limit - pos);
                consume(pos, n);
                pos += n;
                left -= n;
            }
            return length;
        }

        long untilClose() throws IOException, CutOff {
            long total = 0;
            while (true) {
                if (pos == limit && !fill()) {
                    return total;
                }
                consume(pos, limit - pos);
                total += limit - pos;
                pos = limit;
            }
        }

        long chunked() throws IOException, CutOff {
            long total = 0;
            while (true) {
                String sizeLine = line();
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailer fields, ignored
                    }
                    return total;
                }
                fixed(size);
                total += size;
                if (!line().isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }

        private String line() throws IOException, CutOff {
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos == limit && !fill()) {
                    throw new IOException("chunked body ended early (truncated transfer)");
                }
                char c = (char) (buf[pos++] & 0xFF);
                if (c == '\n') {
                    int l = s.length();
                    return l > 0 && s.charAt(l - 1) == '\r' ? s.substring(0, l - 1) : s.toString();
                }
                s.append(c);
            }
        }

        String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1);
        }
    }

    private static int indexOf(byte[] b, int len, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= len; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void sample(String e) {
        if (errorSamples.size() < 3) {
            errorSamples.add(e.replace('"', '\''));
        }
    }

    private String summary(int clients, double elapsed) {
        List<Long> ttfb = sorted(ttfbNanos);
        List<Long> total = sorted(totalNanos);
        return String.format(Locale.ROOT, "{\"clients\":%d,\"seconds\":%.2f,\"bytes\":%d,\"mb_per_s\":%.1f,"
                        + "\"completed\":%d,\"errors\":%d,\"req_per_s\":%.2f,\"ttfb_ms_p50\":%.1f,\"ttfb_ms_p95\":%.1f,"
                        + "\"ttfb_ms_mean\":%.1f,\"latency_ms_p50\":%.1f,\"bytes_per_body\":%d,\"error_samples\":%s}",
                clients, elapsed, bytes.get(), bytes.get() / 1e6 / elapsed, completed.get(), errors.get(),
                completed.get() / elapsed, pct(ttfb, 50), pct(ttfb, 95), mean(ttfb), pct(total, 50), sizeSeen.get(),
                errorSamples.stream().map(s -> "\"" + s + "\"").toList());
    }

    private static List<Long> sorted(List<Long> values) {
        synchronized (values) {
            List<Long> copy = new ArrayList<>(values);
            Collections.sort(copy);
            return copy;
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(-1e6) / 1e6;
    }
}
