package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.imagingexchange.dicom.AeTitle;
import org.imagingexchange.dicom.pixelmed.PixelMedDimseScu;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.WadoRsAccept;
import org.imagingexchange.testsupport.DicomPart10;
import org.imagingexchange.testsupport.MultipartRelatedReader;
import org.imagingexchange.testsupport.SilentPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CGetSourceArchive} against the REAL DIMSE-only test archive: Orthanc LEGACY_PACS on
 * {@code it.legacy.dicom.port} (its HTTP API at {@code it.legacy.url} only tells what it stores). What the
 * C-GET streams must match the stored files: same SOP Instance UIDs, data sets byte-identical (the File Meta
 * Information of a Part 10 file is written by the receiving AE, PS3.10 §7.1; it does not travel over DIMSE).
 */
class CGetSourceArchiveIT {

    private static final String ORTHANC = System.getProperty("it.legacy.url", "http://127.0.0.1:18543");
    private static final int DICOM_PORT = Integer.getInteger("it.legacy.dicom.port", 14543);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final StudyEndpoint LEGACY = new StudyEndpoint("legacy", "dicom://LEGACY_PACS@127.0.0.1:" + DICOM_PORT);

    private static String study;
    private static String series;
    /** SOP Instance UID -> SHA-256 of the stored data set (the file after its File Meta Information). */
    private static final Map<String, String> expected = new TreeMap<>();
    private static long expectedDataSetBytes;

    @BeforeAll
    static void expectationsFromOrthanc() throws Exception {
        JsonArray studies = Json.createReader(new StringReader(new String(orthanc("/studies?expand"),
                StandardCharsets.UTF_8))).readArray();
        assertFalse(studies.isEmpty(), "the DIMSE-only archive holds studies");
        JsonObject largest = studies.stream().map(v -> v.asJsonObject())
                .max((a, b) -> Integer.compare(a.getJsonArray("Series").size(), b.getJsonArray("Series").size())).orElseThrow();
        study = largest.getJsonObject("MainDicomTags").getString("StudyInstanceUID");
        JsonArray instances = Json.createReader(new StringReader(new String(orthanc("/studies/" + largest.getString("ID")
                + "/instances"), StandardCharsets.UTF_8))).readArray();
        for (var v : instances) {
            byte[] file = orthanc("/instances/" + v.asJsonObject().getString("ID") + "/file");
            expected.put(DicomPart10.sopInstanceUid(file), sha256(file, DicomPart10.dataSetOffset(file)));
            expectedDataSetBytes += file.length - DicomPart10.dataSetOffset(file);
            series = v.asJsonObject().getString("ParentSeries");
        }
        series = Json.createReader(new StringReader(new String(orthanc("/series/" + series), StandardCharsets.UTF_8)))
                .readObject().getJsonObject("MainDicomTags").getString("SeriesInstanceUID");
        assertTrue(expected.size() > 1, "a study of several instances: " + expected.size());
    }

    private static CGetSourceArchive archive(Duration firstByte) {
        PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE"));
        return new CGetSourceArchive(scu, scu, java.util.concurrent.Executors.newCachedThreadPool(), firstByte, 65536,
                new RetrievalMetrics());
    }

    @Test
    void open_study_streamsEveryInstanceWithItsDataSetUnchanged() throws Exception {
        Map<String, String> received = new TreeMap<>();
        long[] dataSetBytes = {0};
        try (RetrievedBody body = archive(Duration.ofSeconds(60)).open(LEGACY, new RetrieveTarget(study, null, null, false),
                WadoRsAccept.upstream(null, false))) {
            assertTrue(body.contentType().startsWith("multipart/related; type=\"application/dicom\""), body.contentType());
            int parts = MultipartRelatedReader.forEachPart(body.body(), body.contentType(), (i, headers, content) -> {
                assertTrue(headers.getOrDefault("content-type", "").startsWith("application/dicom; transfer-syntax=1.2.840.10008.1.2"),
                        "part " + i + " names its transfer syntax: " + headers);
                byte[] file = content.readAllBytes();
                int offset = DicomPart10.dataSetOffset(file);
                dataSetBytes[0] += file.length - offset;
                received.put(DicomPart10.sopInstanceUid(file), sha256(file, offset));
            });
            assertEquals(expected.size(), parts, "one part per instance");
        }
        assertEquals(expected, received, "same SOP Instance UIDs with data sets byte-identical to the stored files");
        assertEquals(expectedDataSetBytes, dataSetBytes[0], "data set bytes as stored");
    }

    @Test
    void open_seriesAndInstance_retrieveOnlyThose() throws Exception {
        CGetSourceArchive archive = archive(Duration.ofSeconds(60));
        int inSeries;
        try (RetrievedBody body = archive.open(LEGACY, new RetrieveTarget(study, series, null, false), WadoRsAccept.DEFAULT_INSTANCES)) {
            inSeries = MultipartRelatedReader.readAll(body.body(), body.contentType()).size();
        }
        assertTrue(inSeries >= 1 && inSeries < expected.size(), "a series of the study: " + inSeries);
        String sop = expected.keySet().iterator().next();
        String sopSeries = seriesOf(sop);
        try (RetrievedBody body = archive.open(LEGACY, new RetrieveTarget(study, sopSeries, sop, false), WadoRsAccept.DEFAULT_INSTANCES)) {
            var parts = MultipartRelatedReader.readAll(body.body(), body.contentType());
            assertEquals(1, parts.size(), "one instance");
            assertEquals(sop, DicomPart10.sopInstanceUid(parts.get(0).content()));
        }
    }

    @Test
    void open_unknownStudy_is404() {
        assertThrows(DicomObjectNotFoundException.class, () -> archive(Duration.ofSeconds(60)).open(LEGACY,
                new RetrieveTarget("1.2.826.0.1.3680043.2.1125." + System.nanoTime(), null, null, false),
                WadoRsAccept.DEFAULT_INSTANCES));
    }

    @Test
    void open_nothingListening_is502BeforeTheFirstByte() {
        ProblemException e = assertThrows(ProblemException.class, () -> archive(Duration.ofSeconds(60)).open(
                new StudyEndpoint("legacy-down", "dicom://LEGACY_PACS@127.0.0.1:9"),
                new RetrieveTarget(study, null, null, false), WadoRsAccept.DEFAULT_INSTANCES));
        assertEquals(502, e.status());
        assertTrue(e.detail().contains("'legacy-down'"), e.detail());
    }

    @Test
    void open_archiveAcceptsTheConnectionButNeverAnswers_is504BeforeTheFirstByte() throws IOException {
        PixelMedDimseScu scu = new PixelMedDimseScu(new AeTitle("EXCHANGE"), Duration.ofSeconds(1));
        CGetSourceArchive archive = new CGetSourceArchive(scu, scu, java.util.concurrent.Executors.newCachedThreadPool(),
                Duration.ofSeconds(60), 65536, new RetrievalMetrics());
        try (SilentPeer stalled = SilentPeer.start()) {
            ProblemException e = assertThrows(ProblemException.class, () -> archive.open(
                    new StudyEndpoint("legacy-stalled", "dicom://LEGACY_PACS@127.0.0.1:" + stalled.port()),
                    new RetrieveTarget(study, null, null, false), WadoRsAccept.DEFAULT_INSTANCES));
            assertEquals(504, e.status(), "the DIMSE read timeout (1 s), not the first-byte timeout (60 s): " + e.detail());
            assertTrue(e.detail().contains("'legacy-stalled'"), e.detail());
        }
    }

    @Test
    void open_clientStopsEarly_nextRetrievalWorks() throws Exception {
        CGetSourceArchive archive = archive(Duration.ofSeconds(60));
        RetrievedBody first = archive.open(LEGACY, new RetrieveTarget(study, null, null, false), WadoRsAccept.DEFAULT_INSTANCES);
        assertEquals(100, first.body().readNBytes(100).length);
        first.close();
        try (RetrievedBody second = archive.open(LEGACY, new RetrieveTarget(study, null, null, false), WadoRsAccept.DEFAULT_INSTANCES)) {
            assertEquals(expected.size(), MultipartRelatedReader.readAll(second.body(), second.contentType()).size());
        }
    }

    private static String seriesOf(String sop) throws Exception {
        HttpResponse<String> r = HTTP.send(request("/tools/lookup").POST(HttpRequest.BodyPublishers.ofString(sop)).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = Json.createReader(new StringReader(r.body())).readArray().getJsonObject(0).getString("ID");
        String parent = Json.createReader(new StringReader(new String(orthanc("/instances/" + id), StandardCharsets.UTF_8)))
                .readObject().getString("ParentSeries");
        return Json.createReader(new StringReader(new String(orthanc("/series/" + parent), StandardCharsets.UTF_8)))
                .readObject().getJsonObject("MainDicomTags").getString("SeriesInstanceUID");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ORTHANC + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] orthanc(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "DIMSE-only test archive " + ORTHANC + path);
        return r.body();
    }

    private static String sha256(byte[] file, int offset) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Arrays.copyOfRange(file, offset, file.length)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
