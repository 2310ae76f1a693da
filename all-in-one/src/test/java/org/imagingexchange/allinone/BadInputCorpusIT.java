package org.imagingexchange.allinone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.imagingexchange.testsupport.BadInputCorpus;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus through the gateway against every service of the platform: malformed paths,
 * encodings, sizes, media types, bodies, dates, UIDs and paging numbers each get a 4xx problem (or
 * OperationOutcome) with no stack frame, class name or internal URL, whichever of gateway, service or
 * container answers it.
 */
class BadInputCorpusIT {

    /** A complete imaging report with {@code %ISSUED%} where the issued date goes. */
    private static final String REPORT = """
            {"resourceType":"DiagnosticReport","status":"final",
             "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:2.25.%s"}],
             "category":[{"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}]}],
             "code":{"coding":[{"system":"http://loinc.org","code":"18748-4"}]},
             "subject":{"identifier":{"value":"BAD-%s"}},"issued":%%ISSUED%%,
             "performer":[{"display":"Dr. Example"}],"conclusion":"No finding."}""";

    @BeforeAll
    static void awaitReady() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
    }

    static List<BadInputCorpus.Case> corpus() {
        String id = Long.toUnsignedString(UUID.randomUUID().getMostSignificantBits());
        List<BadInputCorpus.Case> cases = new ArrayList<>();
        cases.addAll(BadInputCorpus.forFhirResource("/fhir/DiagnosticReport", Tokens.of("hospital-a"),
                REPORT.formatted(id, id)));
        cases.addAll(BadInputCorpus.forFhirResource("/fhir/Consent", Tokens.of("hospital-a"), null));
        cases.addAll(BadInputCorpus.forFhirResource("/fhir/ImagingStudy", Tokens.of("radiologist-a"), null));
        cases.addAll(BadInputCorpus.forFhirResource("/fhir/AuditEvent", Tokens.of("auditor"), null));
        cases.addAll(BadInputCorpus.forFrontDoor("/dicomweb/studies", Tokens.of("radiologist-a")));
        String auth = "Authorization: Bearer " + Tokens.of("radiologist-a");
        for (String target : List.of("/dicomweb/studies?limit=-1", "/dicomweb/studies?limit=abc", "/dicomweb/studies?StudyDate=2026-13-45",
                "/dicomweb/studies/1.02.3", "/dicomweb/studies/2.25." + id, "/dicomweb/studies/2.25." + id + "/metadata",
                "/dicomweb/studies/1.2.3/series/1.2.abc")) {
            cases.add(new BadInputCorpus.Case("DICOMweb " + target, "GET " + target + " HTTP/1.1", null,
                    List.of(auth, "Accept: application/dicom+json"), false));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInput_throughTheGateway_clean4xxProblemWithoutInternals(BadInputCorpus.Case c) {
        BadInputCorpus.assertClean(c, BadInputCorpus.send(Integer.parseInt(Http.base().substring(Http.base().lastIndexOf(':') + 1)), c));
    }
}
