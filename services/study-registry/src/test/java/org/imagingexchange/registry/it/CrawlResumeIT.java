package org.imagingexchange.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crawl interrupted in the middle resumes from its checkpoint. Source {@code hospital-a-relay} (pom
 * profile registry-it) reaches the shared test Orthanc through an HTTP relay this test runs on
 * {@code it.relay.port}: the relay passes requests through and records them, and can fail study-list
 * pages from a given offset on (HTTP 503, as an archive going down mid-crawl). Crawl pages hold 10
 * studies in the IT server, so the 20-study test archive takes pages at offsets 0, 10 and 20.
 */
class CrawlResumeIT {

    private static final String SOURCE = "hospital-a-relay";
    /** The build starts the server; on a loaded machine deploying takes minutes. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");
    private static final Pattern STUDY_UIDS = Pattern.compile("[?&]StudyInstanceUID=([0-9.,]+)");

    private static HttpServer relay;
    private static final HttpClient ORTHANC = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Path and query of every request the relay received, in order. */
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    /** Study-list pages at this offset or beyond answer 503; -1 passes everything. */
    private static volatile int failListingFrom = -1;
    /** When set, every study-list page answers an empty list (the archive holds nothing any more). */
    private static volatile boolean emptyArchive;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty("it.relay.port",
                "19113"))), 16);
        relay.createContext("/", CrawlResumeIT::relay);
        relay.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Http.get("/health/ready", null).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the registry did not become ready within " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopRelay() {
        if (relay != null) {
            relay.stop(0);
        }
    }

    @Test
    void crawl_interruptedMidway_resumesAfterTheCommittedPageAndEndsWithWhatOrthancHolds() {
        try {
            failListingFrom = 10;
            HttpResponse<String> failed = crawl();
            assertEquals(502, failed.statusCode(), failed.body());
            assertTrue(Http.problem(failed).getString("detail").contains("503"), "the detail names the archive's answer");
            List<String> firstRun = List.copyOf(requests);
            assertEquals(List.of(0, 10), listedOffsets(firstRun), "page 0 listed, page 10 failed");
            Set<String> committed = contentStudies(firstRun);
            assertEquals(10, committed.size(), "the contents of the 10 studies of page 0 were read: " + firstRun);

            failListingFrom = -1;
            requests.clear();
            HttpResponse<String> resumed = crawl();
            assertEquals(200, resumed.statusCode(), resumed.body());
            JsonObject result = ((JsonArray) Http.json(resumed)).getJsonObject(0);
            List<String> secondRun = List.copyOf(requests);
            assertEquals(List.of(10, 20), listedOffsets(secondRun), "the resumed crawl starts at the checkpoint");
            Set<String> reread = new HashSet<>(contentStudies(secondRun));
            reread.retainAll(committed);
            assertTrue(reread.isEmpty(), "no study of the committed page is read again: " + reread);
            assertEquals(10, contentStudies(secondRun).size(), "the 10 studies of page 10 were read");

            JsonObject stats = orthancStatistics();
            assertEquals(stats.getInt("CountStudies"), result.getInt("studies"), "studies as Orthanc /statistics");
            assertEquals(stats.getInt("CountSeries"), result.getInt("series"), "series as Orthanc /statistics");
            assertEquals(stats.getInt("CountInstances"), result.getInt("instances"), "instances as Orthanc /statistics");
            assertEquals(stats.getInt("CountStudies"), result.getInt("added"), "each study added once over both runs");
            assertEquals(0, result.getInt("removed"), "the studies of the committed page are not withdrawn");
            for (String uid : orthancStudyUids()) {
                JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + uid + "/location",
                        Tokens.of("exchange-platform")));
                assertTrue(location.getJsonArray("endpoints").stream()
                        .anyMatch(e -> e.asJsonObject().getString("sourceId").equals(SOURCE)), uid + " held at " + SOURCE);
            }

            requests.clear();
            HttpResponse<String> again = crawl();
            assertEquals(200, again.statusCode(), again.body());
            JsonObject unchanged = ((JsonArray) Http.json(again)).getJsonObject(0);
            assertEquals(0, unchanged.getInt("added") + unchanged.getInt("updated") + unchanged.getInt("removed"));
            assertTrue(contentStudies(requests).isEmpty(), "an unchanged archive costs no content reads: " + requests);
        } finally {
            // Leave nothing at this source for the other tests: an empty archive withdraws what it held.
            failListingFrom = -1;
            emptyArchive = true;
            HttpResponse<String> withdrawn = crawl();
            emptyArchive = false;
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
            assertEquals(0, ((JsonArray) Http.json(withdrawn)).getJsonObject(0).getInt("studies"));
        }
    }

    private static HttpResponse<String> crawl() {
        return Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"" + SOURCE + "\"}");
    }

    /** Offsets of the study-list pages requested, in order. */
    private static List<Integer> listedOffsets(List<String> log) {
        List<Integer> out = new ArrayList<>();
        for (String r : log) {
            Matcher m = OFFSET.matcher(r);
            if (r.contains("/studies?") && m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    /** Studies whose instances were asked for, by study path or by UID list. */
    private static Set<String> contentStudies(List<String> log) {
        Set<String> out = new HashSet<>();
        for (String r : log) {
            Matcher list = STUDY_UIDS.matcher(r);
            if (r.contains("/instances?") && list.find()) {
                out.addAll(List.of(list.group(1).split(",")));
            } else if (r.contains("/studies/") && r.contains("/instances?")) {
                out.add(r.substring(r.indexOf("/studies/") + 9, r.indexOf("/instances?")));
            }
        }
        return out;
    }

    private static void relay(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(target);
        try (exchange) {
            Matcher offset = OFFSET.matcher(target);
            boolean listing = target.contains("/studies?");
            if (listing && emptyArchive) {
                answer(exchange, 200, "[]");
            } else if (listing && failListingFrom >= 0 && offset.find() && Integer.parseInt(offset.group(1)) >= failListingFrom) {
                answer(exchange, 503, "");
            } else {
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(orthancUrl() + target)).GET();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    forward.header("Authorization", auth);
                }
                HttpResponse<String> r = ORTHANC.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                answer(exchange, r.statusCode(), r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/dicom+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String orthancUrl() {
        return System.getProperty("it.orthanc.url", "http://127.0.0.1:18042");
    }

    private static JsonObject orthancStatistics() {
        return Json.createReader(new StringReader(orthanc("/statistics"))).readObject();
    }

    private static List<String> orthancStudyUids() {
        JsonArray studies = Json.createReader(new StringReader(orthanc("/dicom-web/studies"))).readArray();
        assertFalse(studies.isEmpty(), "the test Orthanc holds studies");
        return studies.stream().map(s -> s.asJsonObject().getJsonObject("0020000D").getJsonArray("Value").getString(0))
                .toList();
    }

    private static String orthanc(String path) {
        String auth = Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = ORTHANC.send(HttpRequest.newBuilder(URI.create(orthancUrl() + path))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "Orthanc " + path);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("test Orthanc unreachable at " + orthancUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
