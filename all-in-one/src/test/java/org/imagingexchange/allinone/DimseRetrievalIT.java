package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WADO-RS of a study whose only endpoint is hospital-a's DIMSE-only archive (the test Orthanc LEGACY_PACS on
 * {@code it.legacy.dicom.port}), when the archive does not hold it: the C-GET fails before any instance, and the
 * client gets a problem+json answer, not a broken multipart body. (The successful C-GET path is the demo
 * scenario's step 4b.)
 */
class DimseRetrievalIT {

    private static final String WADO_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    @BeforeAll
    static void awaitReady() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
    }

    @Test
    void retrieve_studyRegisteredAtDimseArchiveButNotHeld_is404ProblemBeforeAnyByte() {
        String patient = "DIMSE-" + UUID.randomUUID().toString().substring(0, 8);
        String study = TestStudies.freshUid();
        String archive = "dicom://LEGACY_PACS@127.0.0.1:" + System.getProperty("it.legacy.dicom.port", "14543");
        HttpResponse<String> registered = Http.post("/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                TestStudies.imagingStudy(study, patient, archive, "CR", "1.2.840.10008.5.1.4.1.1.1"));
        assertEquals(201, registered.statusCode(), "the DIMSE-only archive is one of hospital-a's: " + registered.body());

        HttpResponse<String> wado = Http.get("/dicomweb/studies/" + study, Tokens.of("radiologist-a"), "Accept", WADO_ACCEPT);
        assertEquals(404, wado.statusCode(), "C-GET found nothing and C-FIND matches nothing: " + wado.body());
        assertTrue(wado.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "an RFC 9457 problem: " + wado.headers().map());
        assertTrue(Http.problem(wado).getString("detail").contains("hospital-a-legacy"),
                "the problem names the archive: " + wado.body());
    }
}
