package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.imagingexchange.retrieval.config.RetrievalConfig.SourceCredentials;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.NotAcceptableAtSourceException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.RetrievedBody;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.WadoRsAccept;
import org.imagingexchange.testsupport.DicomPart10;
import org.imagingexchange.testsupport.MultipartRelatedReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WadoRsSourceArchive} against the REAL shared Orthanc (system property {@code it.orthanc.url},
 * DICOMweb at {@code /dicom-web}, user orthanc / orthanc-pass) holding the CT_small sample as PatientID
 * 1CT1. The expected SOP Instance UIDs and bytes come from Orthanc's own REST API (metadata and
 * {@code /instances/{id}/file}); what the adapter streams must match them exactly.
 */
class WadoRsSourceArchiveIT {

    private static final String ORTHANC = System.getProperty("it.orthanc.url", "http://127.0.0.1:18042");
    private static final String USER = System.getProperty("it.orthanc.user", "orthanc");
    private static final String PASSWORD = System.getProperty("it.orthanc.password", "orthanc-pass");
    private static final String PATIENT_ID = "1CT1";
    private static final HttpClient ORTHANC_REST = HttpClient.newHttpClient();

    private static String study;
    private static String series;
    /** SOP Instance UID -> SHA-256 of the instance file as Orthanc stores it. */
    private static Map<String, String> expectedFiles;
    private static long expectedBytes;

    @BeforeAll
    static void expectationsFromOrthanc() throws Exception {
        JsonArray studies = (JsonArray) json(orthanc("/dicom-web/studies?PatientID=" + PATIENT_ID, "application/dicom+json"));
        assertFalse(studies.isEmpty(), "Orthanc holds a study of PatientID " + PATIENT_ID);
        study = firstValue(studies.getJsonObject(0), "0020000D");
        JsonArray metadata = (JsonArray) json(orthanc("/dicom-web/studies/" + study + "/metadata", "application/dicom+json"));
        expectedFiles = new TreeMap<>();
        for (JsonValue v : metadata) {
            String sop = firstValue(v.asJsonObject(), "00080018");
            series = firstValue(v.asJsonObject(), "0020000E");
            String id = ((JsonArray) json(post("/tools/lookup", sop))).getJsonObject(0).getString("ID");
            byte[] file = orthancBytes("/instances/" + id + "/file");
            expectedFiles.put(sop, sha256(file));
            expectedBytes += file.length;
        }
    }

    private static WadoRsSourceArchive archive(String user, String password) {
        return new WadoRsSourceArchive(Duration.ofSeconds(5), Duration.ofSeconds(60),
                id -> Optional.of(new SourceCredentials(user, password)), new RetrievalMetrics());
    }

    private static StudyEndpoint endpoint(String sourceId) {
        return new StudyEndpoint(sourceId, ORTHANC + "/dicom-web");
    }

    @Test
    void open_study_streamsEveryInstanceByteIdenticalWithCountedBytes() throws Exception {
        String source = "orthanc-it-" + UUID.randomUUID();
        Map<String, String> received = new TreeMap<>();
        long[] partBytes = {0};
        CountingStream counted;
        try (RetrievedBody body = archive(USER, PASSWORD).open(endpoint(source),
                new RetrieveTarget(study, null, null, false), WadoRsAccept.upstream(null, false))) {
            assertTrue(body.contentType().startsWith("multipart/related"), "multipart answer: " + body.contentType());
            assertTrue(body.contentType().contains("boundary="), "boundary kept: " + body.contentType());
            counted = new CountingStream(body.body());
            int parts = MultipartRelatedReader.forEachPart(counted, body.contentType(), (i, headers, content) -> {
                assertTrue(headers.getOrDefault("content-type", "").startsWith("application/dicom"), "part " + i + ": " + headers);
                byte[] file = content.readAllBytes();
                partBytes[0] += file.length;
                received.put(DicomPart10.sopInstanceUid(file), sha256(file));
            });
            assertEquals(expectedFiles.size(), parts, "one part per instance");
            if (body.contentLength() >= 0) {
                assertEquals(body.contentLength(), counted.count, "bytes read equal the source's Content-Length");
            }
        }
        assertEquals(expectedFiles, received, "same SOP Instance UIDs with byte-identical files as Orthanc stores them");
        assertEquals(expectedBytes, partBytes[0], "sum of part sizes equals the stored files");
        assertEquals(counted.count, bytesStreamedMetric(source), "retrieval_bytes_streamed_total counts every byte");
    }

    @Test
    void open_seriesThenInstanceThenMetadata_sequentialCallsOnOneClientAllSucceed() throws Exception {
        WadoRsSourceArchive archive = archive(USER, PASSWORD);
        String sop = expectedFiles.keySet().iterator().next();
        for (int round = 0; round < 3; round++) {
            try (RetrievedBody body = archive.open(endpoint("orthanc-it"), new RetrieveTarget(study, series, null, false),
                    WadoRsAccept.upstream("*/*", false))) {
                assertEquals(expectedFiles.size(), MultipartRelatedReader.readAll(body.body(), body.contentType()).size());
            }
            try (RetrievedBody body = archive.open(endpoint("orthanc-it"), new RetrieveTarget(study, series, sop, false),
                    WadoRsAccept.upstream(null, false))) {
                var parts = MultipartRelatedReader.readAll(body.body(), body.contentType());
                assertEquals(1, parts.size(), "one instance");
                assertEquals(sop, DicomPart10.sopInstanceUid(parts.get(0).content()));
            }
            try (RetrievedBody body = archive.open(endpoint("orthanc-it"), new RetrieveTarget(study, null, null, true),
                    WadoRsAccept.upstream(null, true))) {
                assertTrue(body.contentType().startsWith("application/dicom+json"), body.contentType());
                JsonArray instances = Json.createReader(body.body()).readArray();
                assertEquals(expectedFiles.size(), instances.size());
            }
        }
    }

    @Test
    void open_afterSourceClosedIdleConnection_freshConnectionSucceeds() throws Exception {
        WadoRsSourceArchive archive = archive(USER, PASSWORD);
        RetrieveTarget metadata = new RetrieveTarget(study, null, null, true);
        try (RetrievedBody body = archive.open(endpoint("orthanc-it"), metadata, WadoRsAccept.DEFAULT_METADATA)) {
            body.body().readAllBytes();
        }
        // Not a wait for readiness: Orthanc drops idle keep-alive connections after 1 s (Keep-Alive:
        // timeout=1); this pause makes the pooled connection stale on purpose.
        Thread.sleep(1500);
        try (RetrievedBody body = archive.open(endpoint("orthanc-it"), metadata, WadoRsAccept.DEFAULT_METADATA)) {
            assertEquals(expectedFiles.size(), Json.createReader(body.body()).readArray().size());
        }
    }

    @Test
    void open_clientStopsEarly_closeReleasesAndNextCallWorks() throws Exception {
        WadoRsSourceArchive archive = archive(USER, PASSWORD);
        RetrieveTarget target = new RetrieveTarget(study, null, null, false);
        RetrievedBody first = archive.open(endpoint("orthanc-it"), target, WadoRsAccept.DEFAULT_INSTANCES);
        assertEquals(100, first.body().readNBytes(100).length);
        first.close();
        first.close();
        try (RetrievedBody second = archive.open(endpoint("orthanc-it"), target, WadoRsAccept.DEFAULT_INSTANCES)) {
            assertEquals(expectedFiles.size(), MultipartRelatedReader.readAll(second.body(), second.contentType()).size());
        }
    }

    @Test
    void open_unknownStudyAtSource_throwsNotFound() {
        assertThrows(DicomObjectNotFoundException.class, () -> archive(USER, PASSWORD).open(endpoint("orthanc-it"),
                new RetrieveTarget("1.2.826.0.1.3680043.2.1125." + System.nanoTime(), null, null, false),
                WadoRsAccept.DEFAULT_INSTANCES));
    }

    @Test
    void open_unsupportedAccept_throwsNotAcceptable() {
        NotAcceptableAtSourceException e = assertThrows(NotAcceptableAtSourceException.class,
                () -> archive(USER, PASSWORD).open(endpoint("orthanc-it"), new RetrieveTarget(study, null, null, false),
                        "text/html"));
        assertEquals(406, e.status());
    }

    @Test
    void open_wrongCredentials_throws502NamingSource() {
        SourceArchiveUnavailableException e = assertThrows(SourceArchiveUnavailableException.class,
                () -> archive(USER, "wrong-" + UUID.randomUUID()).open(endpoint("hospital-a"),
                        new RetrieveTarget(study, null, null, true), WadoRsAccept.DEFAULT_METADATA));
        assertEquals(502, e.status());
        assertTrue(e.detail().contains("'hospital-a'") && e.detail().contains("credentials"), e.detail());
    }

    @Test
    void open_sourceNotListening_throws502() {
        SourceArchiveUnavailableException e = assertThrows(SourceArchiveUnavailableException.class,
                () -> archive(USER, PASSWORD).open(new StudyEndpoint("closed", "http://127.0.0.1:1/dicom-web"),
                        new RetrieveTarget(study, null, null, false), WadoRsAccept.DEFAULT_INSTANCES));
        assertTrue(e.detail().contains("cannot be reached"), e.detail());
    }

    private static long bytesStreamedMetric(String source) {
        for (MetricSnapshot s : PrometheusRegistry.defaultRegistry.scrape()) {
            if (s instanceof CounterSnapshot c && c.getMetadata().getName().equals("retrieval_bytes_streamed")) {
                return c.getDataPoints().stream()
                        .filter(d -> source.equals(d.getLabels().get("source")))
                        .mapToLong(d -> (long) d.getValue()).sum();
            }
        }
        throw new AssertionError("retrieval_bytes_streamed_total is not registered");
    }

    /** Counts the bytes the parser pulls through. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static String firstValue(JsonObject dicomJson, String tag) {
        return dicomJson.getJsonObject(tag).getJsonArray("Value").getString(0);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static String orthanc(String path, String accept) throws Exception {
        return new String(send(request(path).header("Accept", accept).GET()), StandardCharsets.UTF_8);
    }

    private static byte[] orthancBytes(String path) throws Exception {
        return send(request(path).GET());
    }

    private static String post(String path, String body) throws Exception {
        return new String(send(request(path).POST(HttpRequest.BodyPublishers.ofString(body))), StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(ORTHANC + path)).header("Authorization", "Basic " + basic);
    }

    private static byte[] send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> r = ORTHANC_REST.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "Orthanc answered " + r.statusCode() + " for " + r.request().uri());
        return r.body();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
