import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load through the gateway and, in the same run, straight to the services (issue 6, "Load"): N clients
 * each send one request after the other for a fixed time, a mix of QIDO-RS searches (consented, unconsented and
 * custodian), a FHIR ImagingStudy search and a WADO-RS retrieval, each request to the gateway or to the service
 * directly with equal chance, so both paths see the same load. Every answer is checked against a reference taken
 * from the source archive (Orthanc) or from the first direct answer: Study Instance UIDs for searches, the SHA-256
 * of every Part 10 part for retrievals. Writes a Markdown report: requests, errors, wrong answers, p50/p90/p99 per
 * kind and path, the gateway's overhead (p50 and p99 differences), throughput per minute.
 *
 * <p>Arguments: platform base URL, Orthanc DICOMweb base URL, Orthanc user:password, Keycloak base URL, clients,
 * seconds, warm-up seconds, report file, mode: {@code gateway} (every request through the gateway: the soak) or
 * {@code both} (gateway or direct with equal chance: the overhead comparison). Only JDK classes; run with
 * {@code java GatewayLoadClient.java ...}.
 */
public final class GatewayLoadClient {

    enum Kind {
        QIDO_CONSENTED(35), QIDO_UNCONSENTED(15), QIDO_CUSTODIAN(20), FHIR_IMAGINGSTUDY(10), WADO_RS(20);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    record Sample(Kind kind, boolean viaGateway, long micros, long endMillis) {
    }

    private static final Pattern STUDY_UID = Pattern.compile(
            "\"0020000D\"\\s*:\\s*\\{[^}]*?\"Value\"\\s*:\\s*\\[\\s*\"([0-9.]+)\"");
    private static final Pattern URN_OID = Pattern.compile("\"value\"\\s*:\\s*\"urn:oid:([0-9.]+)\"");
    private static final String ACCEPT_DICOM = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    private final String base;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, AtomicReference<String>> tokens = new ConcurrentHashMap<>();
    private final Map<Kind, String> reference = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> wrong = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private String ctStudyUid;
    private boolean bothPaths;

    private GatewayLoadClient(String base, String keycloak) {
        this.base = base;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9 || !(args[8].equals("gateway") || args[8].equals("both"))) {
            System.err.println("usage: GatewayLoadClient BASE ORTHANC_DICOMWEB ORTHANC_USER:PASS KEYCLOAK CLIENTS SECONDS WARMUP REPORT gateway|both");
            System.exit(2);
        }
        GatewayLoadClient c = new GatewayLoadClient(args[0], args[3]);
        c.bothPaths = args[8].equals("both");
        c.prepare(args[1], args[2]);
        c.run(Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]), Path.of(args[7]));
    }

    /** Tokens, the CT study of 1CT1 and the reference answers (from Orthanc where it can say). */
    private void prepare(String orthanc, String orthancAuth) throws Exception {
        for (String client : List.of("hospital-a", "hospital-b")) {
            tokens.put(client, new AtomicReference<>(fetchToken(client)));
        }
        Thread refresher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(240_000);
                    for (var e : tokens.entrySet()) {
                        e.getValue().set(fetchToken(e.getKey()));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("token refresh failed: " + e);
                }
            }
        }, "token-refresh");
        refresher.setDaemon(true);
        refresher.start();

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(orthancAuth.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> ct = http.send(HttpRequest.newBuilder(URI.create(orthanc + "/studies?PatientID=1CT1"))
                .header("Authorization", basic).header("Accept", "application/dicom+json").build(),
                HttpResponse.BodyHandlers.ofString());
        TreeSet<String> ctStudies = matches(STUDY_UID, ct.body());
        if (ctStudies.size() != 1) {
            throw new IllegalStateException("the archive should hold one study of 1CT1, holds " + ctStudies);
        }
        ctStudyUid = ctStudies.first();
        reference.put(Kind.QIDO_CONSENTED, String.join(",", ctStudies));
        reference.put(Kind.QIDO_UNCONSENTED, "");
        reference.put(Kind.FHIR_IMAGINGSTUDY, String.join(",", ctStudies));
        HttpResponse<InputStream> wado = http.send(HttpRequest.newBuilder(URI.create(orthanc + "/studies/" + ctStudyUid))
                .header("Authorization", basic).header("Accept", ACCEPT_DICOM).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        reference.put(Kind.WADO_RS, partDigests(wado));
        // The custodian's first page: what the registry indexed; the first direct answer is the reference.
        Result first = call(Kind.QIDO_CUSTODIAN, false);
        if (first.status != 200 || first.digest.isEmpty()) {
            throw new IllegalStateException("custodian search answered " + first.status);
        }
        reference.put(Kind.QIDO_CUSTODIAN, first.digest);
        for (Kind k : Kind.values()) {
            for (boolean gw : new boolean[] {false, true}) {
                Result r = call(k, gw);
                if (r.status != 200 || !r.digest.equals(reference.get(k))) {
                    throw new IllegalStateException(k + (gw ? " via gateway" : " direct") + " answered " + r.status
                            + " " + r.digest + ", expected " + reference.get(k));
                }
            }
        }
        System.err.printf("references: CT study %s, %d parts retrieved%n", ctStudyUid,
                reference.get(Kind.WADO_RS).split(",").length);
    }

    /** @param digest for a 200 the answer's digest; otherwise the problem type slug, when the body names one */
    private record Result(int status, String digest) {
    }

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*:([a-z0-9-]+)\"");

    private static String problemType(String body) {
        Matcher m = PROBLEM_TYPE.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "";
    }

    private Result call(Kind kind, boolean viaGateway) throws IOException, InterruptedException {
        String path;
        String client = "hospital-b";
        String accept = "application/dicom+json";
        switch (kind) {
            case QIDO_CONSENTED -> path = (viaGateway ? "" : "/registry") + "/dicomweb/studies?PatientID=1CT1";
            case QIDO_UNCONSENTED -> path = (viaGateway ? "" : "/registry") + "/dicomweb/studies?PatientID=4MR1";
            case QIDO_CUSTODIAN -> {
                path = (viaGateway ? "" : "/registry") + "/dicomweb/studies?limit=10&includefield=00081030";
                client = "hospital-a";
            }
            case FHIR_IMAGINGSTUDY -> {
                path = (viaGateway ? "" : "/registry") + "/fhir/ImagingStudy?patient.identifier="
                        + URLEncoder.encode("1CT1", StandardCharsets.UTF_8);
                accept = "application/fhir+json";
            }
            case WADO_RS -> {
                path = (viaGateway ? "" : "/retrieval") + "/dicomweb/studies/" + ctStudyUid;
                accept = ACCEPT_DICOM;
            }
            default -> throw new IllegalArgumentException();
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + tokens.get(client).get()).header("Accept", accept).build();
        if (kind == Kind.WADO_RS) {
            HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                String body;
                try (InputStream in = r.body()) {
                    body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                return new Result(r.statusCode(), problemType(body));
            }
            return new Result(200, partDigests(r));
        }
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return new Result(r.statusCode(), problemType(r.body()));
        }
        String digest = kind == Kind.FHIR_IMAGINGSTUDY ? String.join(",", matches(URN_OID, r.body()))
                : String.join(",", matches(STUDY_UID, r.body()));
        return new Result(r.statusCode(), digest);
    }

    private void run(int clients, int seconds, int warmup, Path report) throws Exception {
        long warmEnd = System.currentTimeMillis() + warmup * 1000L;
        long end = warmEnd + seconds * 1000L;
        List<Thread> threads = new ArrayList<>();
        int totalWeight = 0;
        for (Kind k : Kind.values()) {
            totalWeight += k.weight;
        }
        final int weights = totalWeight;
        Instant started = Instant.now();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (System.currentTimeMillis() < end) {
                    int pick = rnd.nextInt(weights);
                    Kind kind = Kind.QIDO_CONSENTED;
                    for (Kind k : Kind.values()) {
                        if (pick < k.weight) {
                            kind = k;
                            break;
                        }
                        pick -= k.weight;
                    }
                    boolean gw = !bothPaths || rnd.nextBoolean();
                    String key = kind + (gw ? " gateway" : " direct");
                    long t0 = System.nanoTime();
                    try {
                        Result r = call(kind, gw);
                        long now = System.currentTimeMillis();
                        if (now < warmEnd) {
                            continue;
                        }
                        if (r.status != 200) {
                            errors.computeIfAbsent(key + " " + r.status + " " + r.digest, x -> new AtomicLong())
                                    .incrementAndGet();
                        } else if (!r.digest.equals(reference.get(kind))) {
                            wrong.computeIfAbsent(key, x -> new AtomicLong()).incrementAndGet();
                            if (examples.size() < 5) {
                                examples.add(key + ": " + r.digest);
                            }
                        } else {
                            samples.add(new Sample(kind, gw, (System.nanoTime() - t0) / 1000, now));
                        }
                    } catch (Exception e) {
                        if (System.currentTimeMillis() >= warmEnd) {
                            errors.computeIfAbsent(key + " " + e.getClass().getSimpleName(), x -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                }
            }, "client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        write(report, clients, seconds, warmup, started, warmEnd);
    }

    private void write(Path report, int clients, int seconds, int warmup, Instant started, long warmEnd)
            throws IOException {
        StringBuilder md = new StringBuilder();
        long ok = samples.size();
        long err = errors.values().stream().mapToLong(AtomicLong::get).sum();
        long bad = wrong.values().stream().mapToLong(AtomicLong::get).sum();
        md.append(String.format(Locale.ROOT, "Started %s; %d clients, %d s measured after %d s warm-up; %s.%n%n",
                started, clients, seconds, warmup, bothPaths
                        ? "each request through the gateway or directly to the service with equal chance"
                        : "every request through the gateway"));
        md.append(String.format(Locale.ROOT, "- requests answered correctly: %d (%.1f req/s)%n", ok, ok / (double) seconds));
        md.append(String.format(Locale.ROOT, "- errors (status other than 200, or transport): %d %s%n", err, errors));
        md.append(String.format(Locale.ROOT, "- wrong answers: %d %s %s%n%n", bad, wrong, examples));
        md.append("| kind | path | n | p50 ms | p90 ms | p99 ms |\n|---|---|---:|---:|---:|---:|\n");
        Map<String, long[]> pct = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            for (boolean gw : new boolean[] {false, true}) {
                if (!gw && !bothPaths) {
                    pct.put(k + "d", new long[3]);
                    continue;
                }
                List<Long> l = new ArrayList<>();
                for (Sample s : samples) {
                    if (s.kind == k && s.viaGateway == gw) {
                        l.add(s.micros);
                    }
                }
                Collections.sort(l);
                long[] p = {percentile(l, 50), percentile(l, 90), percentile(l, 99)};
                pct.put(k + (gw ? "g" : "d"), p);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n",
                        k.name().toLowerCase(Locale.ROOT), gw ? "gateway" : "direct", l.size(), p[0] / 1000.0,
                        p[1] / 1000.0, p[2] / 1000.0));
            }
        }
        if (bothPaths) {
            md.append("\nGateway overhead (gateway minus direct, same run, same load):\n\n");
            md.append("| kind | p50 ms | p99 ms |\n|---|---:|---:|\n");
        }
        for (Kind k : bothPaths ? Kind.values() : new Kind[0]) {
            long[] d = pct.get(k + "d");
            long[] g = pct.get(k + "g");
            md.append(String.format(Locale.ROOT, "| %s | %+.1f | %+.1f |%n", k.name().toLowerCase(Locale.ROOT),
                    (g[0] - d[0]) / 1000.0, (g[2] - d[2]) / 1000.0));
        }
        md.append("\nCorrect answers per minute (after warm-up): ");
        long[] perMinute = new long[(seconds + 59) / 60];
        for (Sample s : samples) {
            int m = (int) ((s.endMillis - warmEnd) / 60_000);
            if (m >= 0 && m < perMinute.length) {
                perMinute[m]++;
            }
        }
        List<String> shown = new ArrayList<>();
        for (long n : perMinute) {
            shown.add(Long.toString(n));
        }
        md.append(String.join(", ", shown)).append("\n");
        Files.writeString(report, md.toString());
        System.out.print(md);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static TreeSet<String> matches(Pattern p, String body) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = p.matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** @return the sorted SHA-256 of every part of a multipart/related body, comma-separated */
    private static String partDigests(HttpResponse<InputStream> r) throws IOException {
        String type = r.headers().firstValue("Content-Type").orElse("");
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        if (!m.find()) {
            r.body().close();
            throw new IOException("no boundary in " + type);
        }
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readAllBytes();
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<String> digests = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            int next = indexOf(body, ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1), at + delimiter.length);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                break;
            }
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(body, headersEnd + 4, next - headersEnd - 4);
                digests.add(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            at = next + 2;
        }
        Collections.sort(digests);
        return String.join(",", digests);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String fetchToken(String client) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + client + "&client_secret=" + client + "-secret";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/imaging/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("token for " + client + ": " + r.statusCode());
        }
        return m.group(1);
    }
}
