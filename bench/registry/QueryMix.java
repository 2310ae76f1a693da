import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query-mix load runner of the registry benchmark (plain JDK HttpClient, no dependencies).
 *
 * <pre>
 *   java QueryMix.java run      BASE_URL QUERIES.tsv TOKENS.tsv WARMUP_ROUNDS ROUNDS OUT.md [TITLE]
 *   java QueryMix.java load     BASE_URL QUERIES.tsv TOKENS.tsv CLIENTS SECONDS OUT.md [TITLE]
 *   java QueryMix.java consents BASE_URL CONSENTS.tsv TOKEN THREADS
 * </pre>
 *
 * QUERIES.tsv rows: {@code kind, requester, expect, path}; expect is {@code some} (200 and at least one
 * item), {@code none} (200 and no item, or 404 at series/instance level: a refused study is "not
 * found"), {@code any} (200). TOKENS.tsv rows: {@code requester, bearer token} (or {@code Basic ...}
 * credentials, for an archive compared side by side). {@code run} sends each
 * query once per round, one at a time, in the file's order, and writes p50/p95/p99 per (kind,
 * requester); {@code load} runs CLIENTS clients over the whole mix for SECONDS and writes throughput and
 * latency percentiles. Every answer is checked against its expectation: a failed check is a
 * "wrong answer", a non-2xx status other than an expected 404 an "error". {@code consents} posts one FHIR
 * Consent (permit, for the organisation in the row) per row {@code patientId, issuer, organisation}.
 */
public final class QueryMix {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    record Query(String kind, String requester, String expect, String path) {
    }

    record Outcome(long nanos, boolean error, boolean wrong, String detail) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(args);
            case "load" -> load(args);
            case "consents" -> consents(args);
            default -> throw new IllegalArgumentException("run | load | consents");
        }
    }

    private static List<Query> queries(Path file) throws IOException {
        List<Query> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t", 4);
                out.add(new Query(f[0], f[1], f[2], f[3]));
            }
        }
        return out;
    }

    private static Map<String, String> tokens(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 2);
            out.put(f[0], f[1].strip());
        }
        return out;
    }

    private static Outcome send(String base, Query q, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + encoded(q.path())))
                .header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token)
                .header("Accept", "application/dicom+json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            int status = r.statusCode();
            if (status == 404 && q.expect().equals("none")) {
                return new Outcome(nanos, false, false, "");
            }
            if (status / 100 != 2) {
                return new Outcome(nanos, true, false, status + " " + q.path() + " " + abbreviate(r.body()));
            }
            int items = items(r.body());
            boolean wrong = q.expect().equals("some") && items == 0 || q.expect().equals("none") && items > 0;
            return new Outcome(nanos, false, wrong, wrong ? q.expect() + " but " + items + " items: " + q.path() : "");
        } catch (IOException | InterruptedException e) {
            return new Outcome(System.nanoTime() - t0, true, false, e + " " + q.path());
        }
    }

    /** Number of top-level objects of a JSON array (an empty body or 204 counts 0). */
    static int items(String body) {
        int depth = 0;
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (c == '{' && depth == 1) {
                    count++;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return count;
    }

    private static void run(String[] a) throws Exception {
        String base = a[1];
        List<Query> mix = queries(Path.of(a[2]));
        Map<String, String> tokens = tokens(Path.of(a[3]));
        int warmup = Integer.parseInt(a[4]);
        int rounds = Integer.parseInt(a[5]);
        for (int r = 0; r < warmup; r++) {
            for (Query q : mix) {
                send(base, q, tokens.get(q.requester()));
            }
        }
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        Map<String, int[]> failures = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Query q : mix) {
                Outcome o = send(base, q, tokens.get(q.requester()));
                String key = q.kind() + "\t" + q.requester();
                latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(o.nanos());
                int[] f = failures.computeIfAbsent(key, k -> new int[2]);
                if (o.error()) {
                    f[0]++;
                } else if (o.wrong()) {
                    f[1]++;
                }
                if ((o.error() || o.wrong()) && details.size() < 20) {
                    details.add(o.detail());
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder md = new StringBuilder();
        md.append("| kind | requester | n | p50 ms | p95 ms | p99 ms | max ms | errors | wrong answers |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        long total = 0;
        for (Map.Entry<String, List<Long>> e : latencies.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            total += v.length;
            int[] f = failures.get(e.getKey());
            String[] k = e.getKey().split("\t");
            md.append(String.format("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", k[0], k[1], v.length,
                    pct(v, 50), pct(v, 95), pct(v, 99), v[v.length - 1] / 1e6, f[0], f[1]));
        }
        md.append(String.format("%n%d requests in %.1f s, one client, sequential (%d warm-up rounds first).%n",
                total, seconds, warmup));
        write(a, md, details);
    }

    private static void load(String[] a) throws Exception {
        String base = a[1];
        List<Query> mix = queries(Path.of(a[2]));
        Map<String, String> tokens = tokens(Path.of(a[3]));
        int clients = Integer.parseInt(a[4]);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(a[5]));
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<String> details = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                List<Long> all = latencies.computeIfAbsent(Thread.currentThread().getName(), k -> new ArrayList<>());
                while (System.nanoTime() < until) {
                    Query q = mix.get(Math.floorMod(next.getAndIncrement() * 7919, mix.size()));
                    Outcome o = send(base, q, tokens.get(q.requester()));
                    all.add(o.nanos());
                    if (o.error()) {
                        errors.incrementAndGet();
                    } else if (o.wrong()) {
                        wrong.incrementAndGet();
                    }
                    if ((o.error() || o.wrong()) && details.size() < 20) {
                        details.add(o.detail());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] v = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        StringBuilder md = new StringBuilder();
        md.append("| clients | seconds | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | wrong answers |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        md.append(String.format("| %d | %.1f | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", clients, seconds,
                v.length, v.length / seconds, pct(v, 50), pct(v, 95), pct(v, 99), v[v.length - 1] / 1e6, errors.get(),
                wrong.get()));
        write(a, md, details);
    }

    private static void write(String[] a, StringBuilder md, List<String> details) throws IOException {
        if (!details.isEmpty()) {
            md.append("\nFirst failures:\n\n");
            details.forEach(d -> md.append("- `").append(d.replace('`', '\'')).append("`\n"));
        }
        String title = a.length > 7 ? "## " + a[7] + "\n\n" : "";
        Files.writeString(Path.of(a[6]), title + md, StandardCharsets.UTF_8);
        System.out.print(title + md);
    }

    private static void consents(String[] a) throws Exception {
        String base = a[1];
        List<String> rows = Files.readAllLines(Path.of(a[2]), StandardCharsets.UTF_8);
        String token = a[3];
        int threads = Integer.parseInt(a[4]);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (String row : rows) {
            String[] f = row.split("\t");
            String body = """
                    {"resourceType":"Consent","status":"active",
                     "patient":{"identifier":{"system":"%s","value":"%s"}},
                     "provision":{"type":"permit","actor":[{"reference":{"identifier":
                       {"system":"urn:imaging-exchange:organization-id","value":"%s"}}}]}}"""
                    .formatted(f[1], f[0], f[2]);
            pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/fhir/Consent"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 != 2 && failed.getAndIncrement() < 3) {
                        System.err.println(r.statusCode() + " " + abbreviate(r.body()));
                    }
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("%d consents posted in %.1f s, %d failed%n", rows.size(), (System.nanoTime() - t0) / 1e9,
                failed.get());
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /** Percent-encodes each query parameter value (QIDO-RS keys carry *, ^, spaces and non-ASCII text). */
    static String encoded(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        List<String> params = new ArrayList<>();
        for (String p : path.substring(q + 1).split("&")) {
            int eq = p.indexOf('=');
            params.add(eq < 0 ? p : p.substring(0, eq + 1)
                    + URLEncoder.encode(p.substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.substring(0, q + 1) + String.join("&", params);
    }
}
