package org.imagingexchange.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The study registry on its own Liberty server (port {@code it.http.port}), crawling the shared test
 * Orthanc ({@code it.orthanc.url}) with real Keycloak tokens. Consent and audit are not running here,
 * so every search is consent-filtered to nothing (fail closed); cross-service cases are in all-in-one.
 */
class StudyRegistryIT {

    private static final String STUDIES = "/registry/dicomweb/studies";
    private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(4);
    private static final String CRAWLS = "/registry/api/crawls";

    /** The build starts the server; the application may still be deploying: wait on /health/ready. */
    @org.junit.jupiter.api.BeforeAll
    static void awaitReady() throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(START_TIMEOUT);
        while (Http.get("/health/ready", null).statusCode() != 200) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the registry did not become ready within " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    @Test
    void health_readyAndLive_up() {
        assertEquals(200, Http.get("/health/ready", null).statusCode(), "ready once the schema is migrated");
        assertEquals(200, Http.get("/health/live", null).statusCode());
    }

    @Test
    void metrics_afterCrawlAndSearch_exposeIndexGaugesQidoLatencyAndCrawlDuration() {
        crawlHospitalA();
        crawl("hospital-a-2");
        Http.get(STUDIES + "?PatientID=1CT1", Tokens.of("clinician-b"));
        HttpResponse<String> r = Http.get("/registry/metrics", null);
        assertEquals(200, r.statusCode());
        int studies = ((JsonArray) Http.json(Http.get(STUDIES, Tokens.of("radiologist-a")))).size();
        assertTrue(studies >= orthancStatistics().getInt("CountStudies") + orthancStatistics(charsetsUrl()).getInt("CountStudies"),
                "both archives indexed");
        assertTrue(r.body().contains("registry_indexed_objects{level=\"studies\"} " + studies),
                "gauge of indexed studies equals Orthanc's count; got:\n" + grep(r.body(), "registry_indexed_objects"));
        assertTrue(r.body().contains("registry_qido_request_duration_seconds_count{level=\"study\",status=\"200\"}"),
                grep(r.body(), "registry_qido"));
        assertTrue(r.body().contains("registry_crawl_duration_seconds_count{outcome=\"ok\",source=\"hospital-a\"}"),
                grep(r.body(), "registry_crawl"));
    }

    @Test
    void openapi_documentsQidoPath() {
        HttpResponse<String> r = Http.get("/openapi", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/dicomweb/studies"), "OpenAPI lists the QIDO-RS path:\n" + r.body());
    }

    /**
     * Liberty's MP JWT layer answers 401 itself, before JAX-RS and without a body (an error-page in
     * web.xml is not dispatched for it); turning it into problem+json is left to the gateway / kit.
     */
    @Test
    void qido_withoutToken_is401WithoutData() {
        HttpResponse<String> r = Http.get(STUDIES, null);
        assertEquals(401, r.statusCode());
        assertFalse(r.body().contains("0020000D"), "no study data without a token");
    }

    @Test
    void crawl_withUserTokenWithoutServiceRole_is403Problem() {
        HttpResponse<String> r = Http.post(CRAWLS, Tokens.of("radiologist-a"), "application/json", "{}");
        assertEquals(403, r.statusCode());
        assertEquals(403, Http.problem(r).getInt("status"));
    }

    @Test
    void crawl_hospitalA_indexesExactlyWhatOrthancHolds() {
        JsonObject result = crawlHospitalA();
        JsonObject stats = orthancStatistics();
        assertEquals("hospital-a", result.getString("source"));
        assertEquals(stats.getInt("CountStudies"), result.getInt("studies"), "studies as Orthanc /statistics");
        assertEquals(stats.getInt("CountSeries"), result.getInt("series"), "series as Orthanc /statistics");
        assertEquals(stats.getInt("CountInstances"), result.getInt("instances"), "instances as Orthanc /statistics");
        assertTrue(result.getJsonNumber("durationMs").longValue() >= 0);
    }

    @Test
    void crawl_twice_isIdempotent() {
        JsonObject first = crawlHospitalA();
        JsonObject second = crawlHospitalA();
        assertEquals(first.getInt("studies"), second.getInt("studies"));
        assertEquals(first.getInt("series"), second.getInt("series"));
        assertEquals(first.getInt("instances"), second.getInt("instances"));
        JsonArray sources = (JsonArray) Http.json(Http.get("/registry/api/sources", Tokens.of("exchange-platform")));
        JsonObject a = sources.stream().map(v -> v.asJsonObject()).filter(s -> s.getString("id").equals("hospital-a"))
                .findFirst().orElseThrow();
        assertTrue(a.getJsonObject("lastCrawl").getBoolean("succeeded"));
        assertEquals(second.getInt("instances"), a.getJsonObject("lastCrawl").getInt("instances"));
    }

    @Test
    void crawl_unreachableSource_is503ProblemAndIndexKept() {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        HttpResponse<String> r = Http.post(CRAWLS, Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"unreachable\"}");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(Http.problem(r).getString("detail").contains("unreachable"), "detail names the failing source");
        assertEquals(200, Http.get("/registry/api/studies/" + uid + "/location", Tokens.of("exchange-platform")).statusCode(),
                "the index keeps what it had");
    }

    @Test
    void crawl_unknownSource_is400Problem() {
        HttpResponse<String> r = Http.post(CRAWLS, Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"no-such-source\"}");
        assertEquals(400, r.statusCode());
        assertTrue(Http.problem(r).getString("detail").contains("no-such-source"));
    }

    @Test
    void qido_badParameters_are400ProblemNamingTheParameter() {
        String token = Tokens.of("clinician-b");
        String[][] cases = {{"StudyDate=2024-01-01", "StudyDate"}, {"StudyDate=20240230", "StudyDate"},
                {"PatientNmae=x", "PatientNmae"}, {"limit=0", "limit"}, {"offset=-3", "offset"},
                {"StudyInstanceUID=1.2.abc", "StudyInstanceUID"}, {"includefield=Nope", "includefield"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Http.get(STUDIES + "?" + c[0], token);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertTrue(Http.problem(r).getString("detail").contains(c[1]), "problem names " + c[1] + ": " + r.body());
        }
    }

    @Test
    void qido_nonCustodianWithoutConsentService_is503NotAnEmptyList() {
        crawlHospitalA();
        HttpResponse<String> r = Http.get(STUDIES + "?PatientID=1CT1", Tokens.of("clinician-b"));
        assertEquals(503, r.statusCode(), "consent unreachable: fail closed and say so; " + r.body());
        assertEquals("urn:imaging-exchange:problem:consent-unavailable", Http.problem(r).getString("type"));
        assertFalse(r.body().contains("0020000D"), "no study data without a consent answer");
    }

    @Test
    void qido_custodian_seesOwnStudiesWithoutConsentService() {
        crawlHospitalA();
        HttpResponse<String> r = Http.get(STUDIES + "?PatientID=1CT1", Tokens.of("radiologist-a"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+json"));
        JsonArray studies = (JsonArray) Http.json(r);
        assertEquals(1, studies.size(), "the custodian (hospital-a) needs no consent call for its own study");
        assertEquals(Http.base() + "/dicomweb/studies/" + orthancStudyUid("1CT1"),
                studies.getJsonObject(0).getJsonObject("00081190").getJsonArray("Value").getString(0),
                "Retrieve URL on the platform's public WADO-RS base");
    }

    @Test
    void qido_seriesOfStudy_custodianSeesItOthersWithoutConsentAnswer503_unknown404() {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        HttpResponse<String> own = Http.get(STUDIES + "/" + uid + "/series", Tokens.of("radiologist-a"));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(1, ((JsonArray) Http.json(own)).size());
        assertEquals(503, Http.get(STUDIES + "/" + uid + "/series", Tokens.of("clinician-b")).statusCode(),
                "another organisation without a consent answer: retryable 503");
        HttpResponse<String> unknown = Http.get(STUDIES + "/1.2.3.4.5.6.7.8.9/series", Tokens.of("clinician-b"));
        assertEquals(404, unknown.statusCode());
        Http.problem(unknown);
    }

    @Test
    void location_indexedStudy_givesPatientCustodianAndOrthancEndpoint() {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        HttpResponse<String> r = Http.get("/registry/api/studies/" + uid + "/location", Tokens.of("exchange-platform"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject l = (JsonObject) Http.json(r);
        assertEquals(uid, l.getString("studyInstanceUid"));
        assertEquals("1CT1", l.getString("patientId"));
        assertEquals("hospital-a", l.getString("custodianOrganizationId"));
        JsonObject endpoint = l.getJsonArray("endpoints").getJsonObject(0);
        assertEquals("hospital-a", endpoint.getString("sourceId"));
        assertEquals(orthancUrl() + "/dicom-web", endpoint.getString("address"));
    }

    @Test
    void location_unknownOrMalformedOrWrongRole_problems() {
        assertEquals(404, Http.get("/registry/api/studies/1.2.3.999999/location", Tokens.of("exchange-platform")).statusCode());
        assertEquals(400, Http.get("/registry/api/studies/not-a-uid/location", Tokens.of("exchange-platform")).statusCode());
        HttpResponse<String> forbidden = Http.get("/registry/api/studies/1.2.3/location", Tokens.of("clinician-b"));
        assertEquals(403, forbidden.statusCode());
        Http.problem(forbidden);
    }

    @Test
    void fhirImagingStudy_custodianSearchset_endpointIsThePlatformNotTheArchive() {
        crawlHospitalA();
        HttpResponse<String> r = Http.get("/registry/fhir/ImagingStudy?patient:identifier=1CT1", Tokens.of("radiologist-a"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject bundle = (JsonObject) Http.json(r);
        assertEquals("searchset", bundle.getString("type"));
        assertEquals(1, bundle.getJsonArray("entry").size());
        assertEquals(Http.base() + "/fhir/ImagingStudy?patient:identifier=1CT1",
                bundle.getJsonArray("link").getJsonObject(0).getString("url"),
                "self link: the public FHIR base configured in the pom (exchange.public-fhir-base) and the query as sent");
        assertFalse(r.body().contains(orthancUrl()), "the source archive's address never leaves the platform");
        assertTrue(r.body().contains(Http.base() + "/dicomweb"), "Endpoint.address is the platform's WADO-RS base");
        String uid = orthancStudyUid("1CT1");
        for (String q : new String[] {"identifier=urn:dicom:uid%7Curn:oid:" + uid, "patient.identifier=1CT1&modality=CT",
                "patient:identifier=1CT1&started=ge2004-01-01&started=le2004-01-31", "patient:identifier=1CT1&started=2004-01-19"}) {
            JsonObject b = (JsonObject) Http.json(Http.get("/registry/fhir/ImagingStudy?" + q, Tokens.of("radiologist-a")));
            assertEquals(1, b.getJsonArray("entry").size(), q);
            assertEquals(uid, b.getJsonArray("entry").getJsonObject(0).getJsonObject("resource").getString("id"), q);
        }
        JsonObject none = (JsonObject) Http.json(Http.get("/registry/fhir/ImagingStudy?patient:identifier=1CT1&modality=MR",
                Tokens.of("radiologist-a")));
        assertFalse(none.containsKey("entry") && !none.getJsonArray("entry").isEmpty(), "1CT1 has no MR study");
    }

    @Test
    void fhirImagingStudy_badParametersAndConsentOutage_operationOutcomes() {
        crawlHospitalA();
        for (String q : new String[] {"?patient:identifier=1CT1&foo=1", "?started=2026-13-45", "?patient:identifier=1CT1&_count=0",
                "?patient:identifier=1CT1&_count=-1", "?patient:identifier=a&patient:identifier=b"}) {
            HttpResponse<String> bad = Http.get("/registry/fhir/ImagingStudy" + q, Tokens.of("clinician-b"));
            assertEquals(400, bad.statusCode(), q + " -> " + bad.body());
            assertEquals("OperationOutcome", ((JsonObject) Http.json(bad)).getString("resourceType"));
        }
        HttpResponse<String> outage = Http.get("/registry/fhir/ImagingStudy?patient:identifier=1CT1", Tokens.of("clinician-b"));
        assertEquals(503, outage.statusCode(), "no consent answer is not an empty searchset");
        assertEquals("OperationOutcome", ((JsonObject) Http.json(outage)).getString("resourceType"));
    }

    @Test
    void qido_matchingRulesOfPs34_evaluatedByTheDatabase() {
        crawlHospitalA();
        String token = Tokens.of("radiologist-a");
        String ct = orthancStudyUid("1CT1");
        String mr = orthancStudyUid("4MR1");
        String[][] cases = {
                {"PatientID=1CT1", ct}, {"PatientID=1CT*", ct}, {"PatientID=1C?1", ct},
                {"PatientName=compressedsamples%5Ect1", ct}, {"PatientName=COMPRESSED*CT1", ct},
                {"PatientName=ct1&fuzzymatching=true", ct}, {"StudyInstanceUID=" + ct + "," + mr, ct + "," + mr},
                {"PatientID=4MR1&ModalitiesInStudy=MR", mr}, {"PatientID=4MR1&ModalitiesInStudy=CT", ""},
                {"PatientID=1CT1&StudyDate=20040119", ct}, {"PatientID=1CT1&StudyDate=20040101-", ct},
                {"PatientID=1CT1&StudyDate=-20031231", ""}, {"PatientID=1CT1&StudyTime=0700-0800", ct},
                {"PatientID=1CT1&StudyTime=0800-", ""}, {"PatientID=1ct1", ""}};
        for (String[] c : cases) {
            HttpResponse<String> r = Http.get(STUDIES + "?" + c[0], token);
            assertEquals(200, r.statusCode(), c[0] + " -> " + r.body());
            java.util.Set<String> got = new java.util.TreeSet<>();
            ((JsonArray) Http.json(r)).forEach(v -> got.add(v.asJsonObject().getJsonObject("0020000D")
                    .getJsonArray("Value").getString(0)));
            java.util.Set<String> expected = new java.util.TreeSet<>(c[1].isEmpty() ? java.util.List.of()
                    : java.util.List.of(c[1].split(",")));
            assertEquals(expected, got, c[0]);
        }
    }

    @Test
    void qido_pagingAfterConsent_andLimitAboveMaximumWarns() {
        crawlHospitalA();
        crawl("hospital-a-2");
        String token = Tokens.of("radiologist-a");
        JsonArray all = (JsonArray) Http.json(Http.get(STUDIES, token));
        JsonArray first = (JsonArray) Http.json(Http.get(STUDIES + "?limit=3", token));
        JsonArray second = (JsonArray) Http.json(Http.get(STUDIES + "?limit=3&offset=3", token));
        assertEquals(indexedStudies(), all.size(), "the custodian (every source here is hospital-a's) sees the whole index");
        assertTrue(all.size() >= orthancStatistics().getInt("CountStudies") + orthancStatistics(charsetsUrl()).getInt("CountStudies"),
                "both archives are in it");
        assertEquals(all.get(0), first.get(0));
        assertEquals(all.get(3), second.get(0), "offset 3 continues where the first page ended");
        HttpResponse<String> big = Http.get(STUDIES + "?limit=5000", token);
        assertEquals(200, big.statusCode());
        assertTrue(big.headers().firstValue("Warning").orElse("").startsWith("299 "),
                "PS3.18 §8.3.4.4: a limit above the maximum is answered with the maximum and a Warning");
    }

    @Test
    void qido_seriesAndInstancesAcrossStudies_withStudyKeys() {
        crawlHospitalA();
        String token = Tokens.of("radiologist-a");
        String ct = orthancStudyUid("1CT1");
        JsonArray series = (JsonArray) Http.json(Http.get("/registry/dicomweb/series?PatientID=1CT1&Modality=CT", token));
        assertEquals(1, series.size(), series.toString());
        assertEquals(ct, series.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0));
        JsonArray instances = (JsonArray) Http.json(Http.get("/registry/dicomweb/instances?PatientID=1CT1", token));
        assertEquals(1, instances.size());
        assertEquals("CT", instances.getJsonObject(0).getJsonObject("00080060").getJsonArray("Value").getString(0),
                "instance answers carry their series' Modality");
        JsonArray inStudy = (JsonArray) Http.json(Http.get(STUDIES + "/" + ct + "/instances", token));
        assertEquals(instances, inStudy);
        JsonArray mr = (JsonArray) Http.json(Http.get("/registry/dicomweb/series?Modality=MR", token));
        assertTrue(mr.size() >= 4, "MR series of several studies: " + mr.size());
        assertEquals(400, Http.get("/registry/dicomweb/series?SOPClassUID=1.2.3", token).statusCode(),
                "an instance key is not a series-level key");
        assertEquals(503, Http.get("/registry/dicomweb/series?PatientID=1CT1", Tokens.of("clinician-b")).statusCode());
    }

    @Test
    void fhirImagingStudy_readAndMadoManifest_parseAsFhir() {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        HttpResponse<String> read = Http.get("/registry/fhir/ImagingStudy/" + uid, Tokens.of("radiologist-a"));
        assertEquals(200, read.statusCode(), read.body());
        org.hl7.fhir.r4.model.ImagingStudy is = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.ImagingStudy.class, read.body());
        assertEquals("urn:oid:" + uid, is.getIdentifierFirstRep().getValue());
        HttpResponse<String> manifest = Http.get("/registry/fhir/ImagingStudy/" + uid + "/$manifest", Tokens.of("radiologist-a"));
        assertEquals(200, manifest.statusCode(), manifest.body());
        org.hl7.fhir.r4.model.Bundle b = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, manifest.body());
        assertEquals(org.hl7.fhir.r4.model.Bundle.BundleType.DOCUMENT, b.getType());
        assertFalse(manifest.body().contains(orthancUrl()), "no source archive address in the manifest");
        assertEquals(404, Http.get("/registry/fhir/ImagingStudy/1.2.3.999/$manifest", Tokens.of("radiologist-a")).statusCode());
    }

    /**
     * Person names in every character set of the pydicom samples (PS3.5 Annex H-K examples) come out as
     * UTF-8 with their component groups, and match case- and accent-insensitively in any group. The
     * archive is hospital-a's second PACS, whose Patient IDs get the source's default issuer.
     */
    @Test
    void qido_characterSets_correctUtf8GroupsAndMatching() {
        crawl("hospital-a-2");
        String token = Tokens.of("radiologist-a");
        JsonObject h31 = onlyStudy(Http.get(STUDIES + "?PatientID=H31EXAMPLE", token)).getJsonObject("00100010")
                .getJsonArray("Value").getJsonObject(0);
        assertEquals("Yamada^Tarou", h31.getString("Alphabetic"));
        assertEquals("山田^太郎", h31.getString("Ideographic"));
        assertEquals("やまだ^たろう", h31.getString("Phonetic"));
        assertEquals("HOSPITAL-A-2", onlyStudy(Http.get(STUDIES + "?PatientID=H31EXAMPLE", token))
                .getJsonObject("00100021").getJsonArray("Value").getString(0), "the source's default issuer");
        String[][] cases = {
                {"PatientName=" + enc("山田*"), "H31EXAMPLE"}, {"PatientName=" + enc("やまだ^たろう"), "H31EXAMPLE,2008-4"},
                {"PatientName=" + enc("ヤマダ*"), "H32EXAMPLE"}, {"PatientName=buc%5Ejerome", "SCSFREN"},
                {"PatientName=" + enc("ÄNEAS*"), "SCSGERM"}, {"PatientName=" + enc("διονυσιος"), "SCSGREEK"},
                {"PatientName=" + enc("홍*"), "I2EXAMPLE"}, {"PatientName=" + enc("王^小东"), "X2EXAMPLE"},
                {"PatientName=" + enc("王^小東"), "X1EXAMPLE"}, {"PatientName=" + enc("김희중"), "2008-3"},
                {"PatientName=" + enc("שרון*"), "SCSHBRW"}, {"PatientName=" + enc("قباني*"), "SCSARAB"},
                {"PatientName=" + enc("Люкceмбypг"), "SCSRUSS"},
                {"PatientName=tarou&fuzzymatching=true", "H31EXAMPLE"},
                {"PatientName=" + enc("たろう") + "&fuzzymatching=true", "H31EXAMPLE,2008-4"},
                {"PatientName=gildong%20hong&fuzzymatching=true", "I2EXAMPLE"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Http.get(STUDIES + "?IssuerOfPatientID=HOSPITAL-A-2&" + c[0], token);
            assertEquals(200, r.statusCode(), c[0] + " -> " + r.body());
            java.util.Set<String> got = new java.util.TreeSet<>();
            ((JsonArray) Http.json(r)).forEach(v -> got.add(v.asJsonObject().getJsonObject("00100020")
                    .getJsonArray("Value").getString(0)));
            assertEquals(new java.util.TreeSet<>(java.util.List.of(c[1].split(","))), got, c[0]);
        }
    }

    @Test
    void crawl_twoArchivesOfOneOrganisation_oneRecordPerStudyEach() {
        JsonObject first = crawl("hospital-a-2");
        JsonObject again = crawl("hospital-a-2");
        JsonObject stats = orthancStatistics(charsetsUrl());
        assertEquals(stats.getInt("CountStudies"), first.getInt("studies"));
        assertEquals(stats.getInt("CountInstances"), first.getInt("instances"));
        assertEquals(0, again.getInt("added"), "an unchanged archive adds nothing");
        assertEquals(0, again.getInt("updated"), "and reads no study contents again");
        assertEquals(0, again.getInt("removed"));
    }

    /**
     * One study reached through two archives is one record with two endpoints; an instance added at the
     * source updates it; a study the source deletes is withdrawn from that source only. Works on
     * hospital-a's second archive and removes what it added.
     */
    @Test
    void crawl_sameStudyTwoChannels_updateAndWithdraw() throws Exception {
        crawlHospitalA();
        crawl("hospital-a-2");
        java.nio.file.Path demo = java.nio.file.Path.of(System.getProperty("it.samples.dir"), "demo");
        String ctStudy = orthancStudyUid("1CT1");
        String ctOrthancId = postToCharsets(demo.resolve("CT_small.dcm"));
        String brainOrthancId = postToCharsets(demo.resolve("brain_002.dcm"));
        try {
            JsonObject added = crawl("hospital-a-2");
            assertEquals(2, added.getInt("added"), "two studies new to this archive");
            JsonArray both = (JsonArray) Http.json(Http.get(STUDIES + "?StudyInstanceUID=" + ctStudy, Tokens.of("radiologist-a")));
            assertEquals(1, both.size(), "one record for the study held by two archives");
            JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + ctStudy + "/location",
                    Tokens.of("exchange-platform")));
            assertEquals(2, location.getJsonArray("endpoints").size(), "both archives are endpoints of the study");

            postToCharsets(demo.resolve("brain_003.dcm"));
            JsonObject updated = crawl("hospital-a-2");
            assertEquals(1, updated.getInt("updated"), "the study that gained an instance is updated");
            assertEquals(0, updated.getInt("added"));

            orthancDelete(charsetsUrl(), "/studies/" + ctOrthancId);
            JsonObject withdrawn = crawl("hospital-a-2");
            assertEquals(1, withdrawn.getInt("removed"));
            location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + ctStudy + "/location",
                    Tokens.of("exchange-platform")));
            assertEquals(1, location.getJsonArray("endpoints").size(), "hospital-a still holds the study");
            assertEquals("hospital-a", location.getJsonArray("endpoints").getJsonObject(0).getString("sourceId"));
        } finally {
            orthancDelete(charsetsUrl(), "/studies/" + ctOrthancId);
            orthancDelete(charsetsUrl(), "/studies/" + brainOrthancId);
            crawl("hospital-a-2");
        }
    }

    @Test
    void dimse_echoFromKnownAe_unknownAeRejected() throws Exception {
        assertEquals(0, dcmtk("echoscu", "-aet", "HOSPITAL_A", "-aec", "EXCHANGE", "127.0.0.1", dimsePort()).exit(),
                "C-ECHO from a configured source's AE title succeeds");
        Run unknown = dcmtk("echoscu", "-aet", "NOBODY", "-aec", "EXCHANGE", "127.0.0.1", dimsePort());
        assertTrue(unknown.exit() != 0, "an unknown calling AE is rejected at association: " + unknown.output());
        assertTrue(unknown.output().toLowerCase(java.util.Locale.ROOT).contains("reject"), unknown.output());
    }

    /**
     * A modality sends two instances (one compressed) of a new study by C-STORE with DCMTK storescu; the
     * registry indexes their headers under the sending AE's source, and QIDO-RS finds the study with both.
     */
    @Test
    void dimse_cStoreFromModality_indexedUnderItsSource() throws Exception {
        java.nio.file.Path demo = java.nio.file.Path.of(System.getProperty("it.samples.dir"), "demo");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cstore-it");
        String study = "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(java.util.UUID.randomUUID().getMostSignificantBits())
                .putLong(java.util.UUID.randomUUID().getLeastSignificantBits()).array());
        String patient = "CSTORE-" + study.substring(study.length() - 8);
        java.util.List<String> files = new java.util.ArrayList<>();
        int n = 0;
        for (String sample : new String[] {"CT_small.dcm", "JPEG2000.dcm"}) {
            java.nio.file.Path copy = dir.resolve(sample);
            java.nio.file.Files.copy(demo.resolve(sample), copy);
            n++;
            // Without the sample's Other Patient IDs, so the test patient stays apart from the sample's own.
            assertEquals(0, dcmtk("dcmodify", "-nb", "-imt", "-ea", "(0010,1002)", "-m", "(0020,000D)=" + study, "-m", "(0020,000E)=" + study + "." + n,
                    "-m", "(0008,0018)=" + study + "." + n + ".1", "-m", "(0010,0020)=" + patient, copy.toString()).exit());
            files.add(copy.toString());
        }
        // The JPEG 2000 object goes in its own (compressed) transfer syntax: storescu -xw proposes it.
        String[] syntax = {"-xe", "-xw"};
        for (int i = 0; i < files.size(); i++) {
            Run r = dcmtk("storescu", "-aet", "CT_SCANNER", "-aec", "EXCHANGE", syntax[i], "127.0.0.1", dimsePort(),
                    files.get(i));
            assertEquals(0, r.exit(), "storescu: " + r.output());
            assertTrue(r.output().contains("Success") || !r.output().contains("Failed"), r.output());
        }

        JsonObject found = onlyStudy(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a")));
        assertEquals(study, found.getJsonObject("0020000D").getJsonArray("Value").getString(0));
        assertEquals(2, found.getJsonObject("00201208").getJsonArray("Value").getInt(0), "both instances indexed");
        assertEquals(2, found.getJsonObject("00201206").getJsonArray("Value").getInt(0), "in two series");
        JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + study + "/location",
                Tokens.of("exchange-platform")));
        assertEquals("ct-scanner", location.getJsonArray("endpoints").getJsonObject(0).getString("sourceId"));
        assertEquals("hospital-a", location.getString("custodianOrganizationId"));
    }

    /**
     * MADO registration (FHIR option) by a hospital system for its own archive: a new study becomes searchable,
     * a second registration merges into the same record, and the archive's next crawl stays authoritative
     * (the archive does not hold this study, so the crawl withdraws it).
     */
    @Test
    void registration_madoManifest_registeredMergedThenWithdrawnByTheArchivesCrawl() {
        crawlHospitalA();
        String study = randomUid();
        String patient = "MADO-" + study.substring(study.length() - 8);
        String endpoint = orthancUrl() + "/dicom-web";
        HttpResponse<String> created = Http.post("/registry/fhir/Bundle", Tokens.of("hospital-a"),
                "application/fhir+json", madoManifest(study, patient, endpoint, 1, 2));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/fhir/ImagingStudy/" + study));
        assertTrue(created.body().contains("\"OperationOutcome\""), created.body());
        JsonObject found = onlyStudy(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a")));
        assertEquals(study, found.getJsonObject("0020000D").getJsonArray("Value").getString(0));
        assertEquals(2, found.getJsonObject("00201208").getJsonArray("Value").getInt(0));
        JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + study + "/location",
                Tokens.of("exchange-platform")));
        assertEquals("hospital-a", location.getJsonArray("endpoints").getJsonObject(0).getString("sourceId"));
        JsonObject chest = (JsonObject) Http.json(Http.get("/registry/fhir/ImagingStudy?patient.identifier=" + patient
                + "&bodysite=CHEST", Tokens.of("radiologist-a")));
        assertEquals(1, chest.getJsonArray("entry").size(), "FHIR search by bodysite finds the registered study");
        JsonObject head = (JsonObject) Http.json(Http.get("/registry/fhir/ImagingStudy?patient.identifier=" + patient
                + "&bodysite=HEAD", Tokens.of("radiologist-a")));
        assertTrue(!head.containsKey("entry") || head.getJsonArray("entry").isEmpty());

        HttpResponse<String> merged = Http.post("/registry/fhir/ImagingStudy", Tokens.of("hospital-a"),
                "application/fhir+json", imagingStudyJson(study, patient, endpoint, 3, 3, true));
        assertEquals(200, merged.statusCode(), merged.body());
        found = onlyStudy(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a")));
        assertEquals(3, found.getJsonObject("00201208").getJsonArray("Value").getInt(0), "one record, instances merged");

        crawlHospitalA();
        assertEquals(0, ((JsonArray) Http.json(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a"))))
                .size(), "the archive does not hold the study: its crawl withdraws it");
    }

    /** A registration of a study a crawl already indexed merges into that record: still one study, same counts. */
    @Test
    void registration_ofACrawledStudy_mergesIntoTheOneRecord() {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        JsonObject before = onlyStudy(Http.get(STUDIES + "?StudyInstanceUID=" + uid, Tokens.of("radiologist-a")));
        String patientId = before.getJsonObject("00100020").getJsonArray("Value").getString(0);
        HttpResponse<String> r = Http.post("/registry/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                imagingStudyJson(uid, patientId, orthancUrl() + "/dicom-web/", 0, 0, false));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject after = onlyStudy(Http.get(STUDIES + "?StudyInstanceUID=" + uid, Tokens.of("radiologist-a")));
        assertEquals(before.getJsonObject("00201208"), after.getJsonObject("00201208"));
        JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + uid + "/location",
                Tokens.of("exchange-platform")));
        assertEquals(1, location.getJsonArray("endpoints").size(), "the same archive, not a second endpoint");
    }

    /** Refused registrations: another organisation's archive (403), no role, broken manifest, not FHIR; nothing indexed. */
    @Test
    void registration_refusals_403_422NamingEachProblem_400_andNothingIndexed() {
        String study = randomUid();
        String patient = "MADO-" + study.substring(study.length() - 8);
        String endpoint = orthancUrl() + "/dicom-web";
        HttpResponse<String> foreign = Http.post("/registry/fhir/Bundle", Tokens.of("hospital-b"),
                "application/fhir+json", madoManifest(study, patient, endpoint, 1, 1));
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("Bundle.entry[2].resource.endpoint"), foreign.body());
        assertTrue(foreign.headers().firstValue("Content-Type").orElseThrow().startsWith("application/fhir+json"));

        assertEquals(403, Http.post("/registry/fhir/Bundle", Tokens.of("radiologist-a"), "application/fhir+json",
                madoManifest(study, patient, endpoint, 1, 1)).statusCode(), "registering needs imaging-source");

        String broken = madoManifest("1.02.3", patient, endpoint, 1, 1).replace("\"modality\":{\"code\":\"CT\"}", "\"modality\":{}");
        HttpResponse<String> invalid = Http.post("/registry/fhir/Bundle", Tokens.of("hospital-a"),
                "application/fhir+json", broken);
        assertEquals(422, invalid.statusCode(), invalid.body());
        JsonArray issues = ((JsonObject) Http.json(invalid)).getJsonArray("issue");
        assertTrue(issues.size() >= 2, invalid.body());
        assertTrue(invalid.body().contains(".identifier[0].value") && invalid.body().contains(".series[0].modality"),
                invalid.body());

        assertEquals(400, Http.post("/registry/fhir/Bundle", Tokens.of("hospital-a"), "application/fhir+json",
                "{\"resourceType\":").statusCode());
        assertEquals(0, ((JsonArray) Http.json(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a"))))
                .size(), "nothing of a refused registration is indexed");
    }

    private static String randomUid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(java.util.UUID.randomUUID().getMostSignificantBits())
                .putLong(java.util.UUID.randomUUID().getLeastSignificantBits()).array());
    }

    /** A MADO manifest (FHIR document Bundle) for one CT series with instances {@code first..last}. */
    private static String madoManifest(String study, String patient, String endpoint, int first, int last) {
        return """
                {"resourceType":"Bundle","type":"document","timestamp":"2026-12-01T09:00:00Z",
                 "identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:%s"},
                 "entry":[
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000001","resource":{"resourceType":"Composition",
                   "status":"final","type":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
                   "subject":{"reference":"urn:uuid:00000000-0000-4000-8000-000000000002"},"date":"2026-12-01T09:00:00Z",
                   "author":[{"display":"hospital-a PACS"}],"title":"Imaging study manifest"}},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000002","resource":{"resourceType":"Patient",
                   "identifier":[{"value":"%s"}]}},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000003","resource":%s},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000004","resource":{"resourceType":"Endpoint",
                   "status":"active","connectionType":{"code":"dicom-wado-rs"},"payloadType":[{"text":"DICOM"}],
                   "address":"%s"}}
                 ]}""".formatted(java.util.UUID.randomUUID(), patient,
                imagingStudy(study, "{\"reference\":\"urn:uuid:00000000-0000-4000-8000-000000000002\"}",
                        "urn:uuid:00000000-0000-4000-8000-000000000004", first, last), endpoint);
    }

    /** A single ImagingStudy with its patient as subject.identifier and the archive as a contained Endpoint. */
    private static String imagingStudyJson(String study, String patient, String endpoint, int first, int last,
                                           boolean withSeries) {
        String is = imagingStudy(study, "{\"identifier\":{\"value\":\"" + patient + "\"}}", "#archive", first,
                withSeries ? last : first - 1);
        return is.replaceFirst("\\{\"resourceType\":\"ImagingStudy\",", "{\"resourceType\":\"ImagingStudy\","
                + "\"contained\":[{\"resourceType\":\"Endpoint\",\"id\":\"archive\",\"status\":\"active\","
                + "\"connectionType\":{\"code\":\"dicom-wado-rs\"},\"payloadType\":[{\"text\":\"DICOM\"}],"
                + "\"address\":\"" + endpoint + "\"}],");
    }

    private static String imagingStudy(String study, String subject, String endpointRef, int first, int last) {
        StringBuilder instances = new StringBuilder();
        for (int i = first; i <= last; i++) {
            instances.append(instances.length() == 0 ? "" : ",").append("{\"uid\":\"").append(study).append(".1.")
                    .append(i).append("\",\"number\":").append(i).append(",\"sopClass\":{\"system\":\"urn:ietf:rfc:3986\","
                            + "\"code\":\"urn:oid:1.2.840.10008.5.1.4.1.1.2\"}}");
        }
        String series = instances.length() == 0 ? "" : ",\"series\":[{\"uid\":\"" + study + ".1\",\"number\":1,"
                + "\"modality\":{\"code\":\"CT\"},\"bodySite\":{\"code\":\"CHEST\"},\"instance\":[" + instances + "]}]";
        return "{\"resourceType\":\"ImagingStudy\",\"status\":\"available\",\"identifier\":[{\"system\":\"urn:dicom:uid\","
                + "\"value\":\"urn:oid:" + study + "\"}],\"subject\":" + subject + ",\"started\":\"2026-11-30T08:00:00Z\","
                + "\"endpoint\":[{\"reference\":\"" + endpointRef + "\"}]" + series + "}";
    }

    /**
     * C-FIND (DCMTK findscu) at study, series and image level of the Study Root model and patient level of the
     * Patient Root model, for a workstation acting for the custodian; another organisation's workstation gets
     * C000 while consent cannot be decided (no consent service here), never an empty answer; an unknown AE is
     * rejected at association.
     */
    @Test
    void dimse_cFind_studySeriesImageAndPatientLevels_actForTheCallingAesOrganisation() throws Exception {
        crawlHospitalA();
        String uid = orthancStudyUid("1CT1");
        JsonObject qido = onlyStudy(Http.get(STUDIES + "?StudyInstanceUID=" + uid, Tokens.of("radiologist-a")));
        int seriesCount = qido.getJsonObject("00201206").getJsonArray("Value").getInt(0);
        int instanceCount = qido.getJsonObject("00201208").getJsonArray("Value").getInt(0);

        Run study = findscu("WORKSTATION_A", "-S", "QueryRetrieveLevel=STUDY", "PatientID=1CT1", "StudyInstanceUID",
                "PatientName", "StudyDescription", "NumberOfStudyRelatedInstances");
        assertEquals(1, pending(study), study.output());
        assertTrue(study.output().contains(uid), study.output());
        assertTrue(study.output().contains("[EXCHANGE]") && study.output().contains("RetrieveAETitle"), study.output());
        assertTrue(study.output().lines().anyMatch(l -> l.contains("NumberOfStudyRelatedInstances")
                && l.matches(".*IS \\[" + instanceCount + " ?\\].*")), study.output());

        Run series = findscu("WORKSTATION_A", "-S", "QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + uid,
                "SeriesInstanceUID", "Modality");
        assertEquals(seriesCount, pending(series), series.output());
        Run images = findscu("WORKSTATION_A", "-S", "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + uid,
                "SeriesInstanceUID", "SOPInstanceUID");
        assertEquals(instanceCount, pending(images), images.output());
        Run patient = findscu("WORKSTATION_A", "-P", "QueryRetrieveLevel=PATIENT", "PatientID=1CT1", "PatientName");
        assertEquals(1, pending(patient), patient.output());

        Run other = findscu("WORKSTATION_B", "-S", "QueryRetrieveLevel=STUDY", "PatientID=1CT1", "StudyInstanceUID");
        assertEquals(0, pending(other), other.output());
        String refused = other.output().toLowerCase(java.util.Locale.ROOT);
        assertTrue(refused.contains("c000") || refused.contains("unable to process") || refused.contains("unabletoprocess"),
                other.output());

        java.util.List<JsonObject> audited = cFindAuditRecords();
        assertTrue(audited.stream().anyMatch(r -> "PATIENT_QUERY".equals(r.getString("pattern"))
                && "SUCCESS".equals(r.getString("outcome"))
                && "AE:WORKSTATION_A".equals(r.getJsonObject("agent").getString("clientId"))
                && "hospital-a".equals(r.getJsonObject("agent").getString("organizationId"))
                && r.getJsonArray("patients").getValuesAs(JsonObject.class).stream()
                        .anyMatch(p -> "1CT1".equals(p.getString("id")))), "each C-FIND is audited with its patients");
        assertTrue(audited.stream().anyMatch(r -> "SERIOUS_FAILURE".equals(r.getString("outcome"))
                && "AE:WORKSTATION_B".equals(r.getJsonObject("agent").getString("clientId"))), "a refused C-FIND too");

        Run unknown = findscu("NOT_CONFIGURED", "-S", "QueryRetrieveLevel=STUDY", "PatientID=1CT1");
        assertTrue(unknown.exit() != 0 || unknown.output().contains("Rejected"), unknown.output());
        assertEquals(0, pending(unknown));
    }

    private static Run findscu(String callingAe, String model, String... keys) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("findscu", "-v", model, "-aet", callingAe,
                "-aec", "EXCHANGE", "127.0.0.1", dimsePort()));
        for (String k : keys) {
            command.add("-k");
            command.add(k);
        }
        return dcmtk(command.toArray(String[]::new));
    }

    /** @return the audit records of C-FIND queries left in the outbox (the audit service is not running here) */
    private static java.util.List<JsonObject> cFindAuditRecords() throws java.io.IOException {
        java.nio.file.Path outbox = java.nio.file.Path.of("target", "it-audit-outbox");
        java.util.List<java.nio.file.Path> journals;
        try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.list(outbox)) {
            journals = dirs.filter(java.nio.file.Files::isDirectory).toList();
        }
        java.util.List<JsonObject> records = new java.util.ArrayList<>();
        for (java.nio.file.Path journal : journals) {
            org.imagingexchange.audit.client.AuditJournal.readJson(journal).stream()
                    .filter(text -> text.contains("DICOM C-FIND"))
                    .map(text -> Json.createReader(new StringReader(text)).readObject()).forEach(records::add);
        }
        return records;
    }

    private static long pending(Run r) {
        return r.output().lines().filter(l -> l.contains("Find Response:") && l.contains("(Pending)")).count();
    }

    /**
     * An IHE XDS-I / MADO Key Object Selection manifest sent by C-STORE (DCMTK storescu) registers the study it
     * references at the archive its Retrieve AE Title names (hospital-a's PACS), with the KOS's patient and
     * the referenced instances; the KOS itself is not indexed. A KOS naming an archive the sender's
     * organisation does not have fails (C000) and registers nothing.
     */
    @Test
    void dimse_keyObjectSelectionManifest_registersTheReferencedStudy() throws Exception {
        String study = randomUid();
        String patient = "KOS-" + study.substring(study.length() - 8);
        java.nio.file.Path kos = java.nio.file.Files.createTempFile("manifest", ".dcm");
        String ct = "1.2.840.10008.5.1.4.1.1.2";
        Run made = dcmtk("/usr/bin/python3", "src/test/python/make_kos.py", kos.toString(), study, patient, "HOSPITAL_A",
                ct, study + ".1.1", study + ".1.2");
        assertEquals(0, made.exit(), made.output());
        Run sent = dcmtk("storescu", "-aet", "CT_SCANNER", "-aec", "EXCHANGE", "127.0.0.1", dimsePort(), kos.toString());
        assertEquals(0, sent.exit(), sent.output());

        JsonObject found = onlyStudy(Http.get(STUDIES + "?PatientID=" + patient, Tokens.of("radiologist-a")));
        assertEquals(study, found.getJsonObject("0020000D").getJsonArray("Value").getString(0));
        assertEquals(2, found.getJsonObject("00201208").getJsonArray("Value").getInt(0), "the referenced instances");
        assertEquals("KOS-ACC-1", found.getJsonObject("00080050").getJsonArray("Value").getString(0));
        JsonObject location = (JsonObject) Http.json(Http.get("/registry/api/studies/" + study + "/location",
                Tokens.of("exchange-platform")));
        assertEquals("hospital-a", location.getJsonArray("endpoints").getJsonObject(0).getString("sourceId"),
                "registered at the archive of the Retrieve AE Title");

        String other = randomUid();
        String otherPatient = "KOS-" + other.substring(other.length() - 8);
        assertEquals(0, dcmtk("/usr/bin/python3", "src/test/python/make_kos.py", kos.toString(), other, otherPatient,
                "SOME_OTHER_PACS", ct, other + ".1.1").exit());
        Run refused = dcmtk("storescu", "-v", "-aet", "CT_SCANNER", "-aec", "EXCHANGE", "127.0.0.1", dimsePort(),
                kos.toString());
        String status = refused.output().toLowerCase(java.util.Locale.ROOT);
        assertTrue(status.contains("c000") || status.contains("cannotunderstand") || status.contains("unable to process"),
                "a failure status of class C000 (DCMTK: CannotUnderstand): " + refused.output());
        assertEquals(0, ((JsonArray) Http.json(Http.get(STUDIES + "?PatientID=" + otherPatient, Tokens.of("radiologist-a"))))
                .size(), "nothing of a refused manifest is indexed");
    }

    private static int indexedStudies() {
        String metrics = Http.get("/registry/metrics", null).body();
        return metrics.lines().filter(l -> l.startsWith("registry_indexed_objects{level=\"studies\"}"))
                .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private record Run(int exit, String output) {
    }

    private static Run dcmtk(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), command[0] + " finished");
        return new Run(p.exitValue(), out);
    }

    private static String dimsePort() {
        return System.getProperty("it.dimse.port", "19111");
    }

    private static String postToCharsets(java.nio.file.Path file) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(charsetsUrl() + "/instances")).header("Authorization", orthancAuth())
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "Orthanc accepts " + file + ": " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject().getString("ParentStudy");
    }

    private static void orthancDelete(String base, String path) throws Exception {
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", orthancAuth()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String orthancAuth() {
        return "Basic " + Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject onlyStudy(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        JsonArray a = (JsonArray) Http.json(r);
        assertEquals(1, a.size(), r.body());
        return a.getJsonObject(0);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "*");
    }

    private static String charsetsUrl() {
        return System.getProperty("it.charsets.url", "http://127.0.0.1:18043");
    }

    private static JsonObject crawl(String source) {
        HttpResponse<String> r = Http.post(CRAWLS, Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"" + source + "\"}");
        assertEquals(200, r.statusCode(), "crawl of " + source + ": " + r.body());
        return ((JsonArray) Http.json(r)).getJsonObject(0);
    }

    private static JsonObject crawlHospitalA() {
        HttpResponse<String> r = Http.post(CRAWLS, Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"hospital-a\"}");
        assertEquals(200, r.statusCode(), "crawl of hospital-a: " + r.body());
        JsonArray results = (JsonArray) Http.json(r);
        assertEquals(1, results.size());
        return results.getJsonObject(0);
    }

    private static String orthancUrl() {
        return System.getProperty("it.orthanc.url", "http://127.0.0.1:18042");
    }

    private static JsonObject orthancStatistics() {
        return orthancStatistics(orthancUrl());
    }

    private static JsonObject orthancStatistics(String base) {
        return Json.createReader(new StringReader(orthanc(base, "/statistics"))).readObject();
    }

    private static String orthancStudyUid(String patientId) {
        JsonArray studies = Json.createReader(new StringReader(orthanc("/dicom-web/studies?PatientID=" + patientId))).readArray();
        assertFalse(studies.isEmpty(), "the test Orthanc holds patient " + patientId);
        return studies.getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0);
    }

    private static String orthanc(String path) {
        return orthanc(orthancUrl(), path);
    }

    private static String orthanc(String base, String path) {
        String auth = Base64.getEncoder().encodeToString("orthanc:orthanc-pass".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "Orthanc " + path);
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("test Orthanc unreachable at " + orthancUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String grep(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
    }
}
