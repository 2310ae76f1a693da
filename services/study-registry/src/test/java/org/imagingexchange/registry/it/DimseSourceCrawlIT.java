package org.imagingexchange.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crawl of a DIMSE-only archive by C-FIND (source {@code legacy} of pom profile registry-it: the test Orthanc
 * LEGACY_PACS on {@code it.legacy.dicom.port}, no QIDO-RS URL). Orthanc's HTTP API ({@code it.legacy.url}) is used
 * only to read what the archive holds. Source {@code legacy-down} points at a port where nothing listens.
 */
class DimseSourceCrawlIT {

    private static final HttpClient ORTHANC = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void ready() throws InterruptedException {
        Http.awaitReady(600);
    }

    @Test
    void crawl_dimseOnlySource_indexesWhatTheArchiveHoldsWithItsDimseEndpoint() {
        JsonObject result = crawl("legacy");
        JsonObject stats = Json.createReader(new StringReader(orthanc("/statistics"))).readObject();
        assertEquals(stats.getInt("CountStudies"), result.getInt("studies"), "studies as Orthanc /statistics: " + result);
        assertEquals(stats.getInt("CountSeries"), result.getInt("series"), "series as Orthanc /statistics: " + result);
        assertEquals(stats.getInt("CountInstances"), result.getInt("instances"), "instances as Orthanc /statistics: " + result);
        String address = "dicom://LEGACY_PACS@127.0.0.1:" + System.getProperty("it.legacy.dicom.port", "14543");
        List<String> uids = orthancStudyUids();
        assertFalse(uids.isEmpty(), "the DIMSE-only test archive holds studies");
        for (String uid : uids) {
            JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + uid + "/location",
                    Tokens.of("exchange-platform")));
            assertTrue(location.getJsonArray("endpoints").stream().map(e -> e.asJsonObject())
                    .anyMatch(e -> e.getString("sourceId").equals("legacy") && e.getString("address").equals(address)),
                    uid + " is held at " + address + ": " + location);
        }
    }

    @Test
    void crawl_unchangedDimseOnlySource_changesNothing() {
        crawl("legacy");
        JsonObject again = crawl("legacy");
        assertEquals(0, again.getInt("added") + again.getInt("updated") + again.getInt("removed"),
                "a second crawl of an unchanged archive adds, updates and removes nothing: " + again);
    }

    @Test
    void crawl_unreachableDimseSource_is503Problem() {
        HttpResponse<String> r = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"legacy-down\"}");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(Http.problem(r).getString("detail").contains("legacy-down"), "the detail names the source: " + r.body());
    }

    private static JsonObject crawl(String source) {
        HttpResponse<String> r = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"" + source + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.json(r)).getJsonObject(0);
    }

    private static List<String> orthancStudyUids() {
        JsonArray studies = Json.createReader(new StringReader(orthanc("/studies?expand"))).readArray();
        return studies.stream().map(s -> s.asJsonObject().getJsonObject("MainDicomTags").getString("StudyInstanceUID"))
                .toList();
    }

    private static String orthanc(String path) {
        String url = System.getProperty("it.legacy.url", "http://127.0.0.1:18543") + path;
        String auth = Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = ORTHANC.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "Orthanc " + url);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("DIMSE-only test archive unreachable at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
