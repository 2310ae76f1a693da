package org.imagingexchange.demo;

import com.pixelmed.dicom.TagFromName;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.imagingexchange.testsupport.Tokens;

/**
 * The exchange end to end, as the demo and the end-to-end test run it:
 * <ol>
 * <li>the registry crawls the demo PACS and indexes exactly what the PACS holds;</li>
 * <li>hospital-a posts an imaging report; an invalid one is refused with 422;</li>
 * <li>patient 1CT1 consents; clinician-b (another country) finds the study and the report;</li>
 * <li>clinician-b retrieves the study by WADO-RS: SOP Instance UIDs and byte counts equal the PACS's;</li>
 * <li>the registry crawls hospital-a's DIMSE-only archive (LEGACY_PACS) by C-FIND; radiologist-a finds one of its
 *     studies by QIDO-RS and retrieves it by WADO-RS (the proxy uses C-GET): SOP Instance UIDs and data set byte
 *     counts equal the archive's;</li>
 * <li>patient 4MR1 has not consented (opt-in region): search is empty and retrieval is 404, the same
 *     answer as for an unknown study;</li>
 * <li>clinician-b, holding the realm role emergency-access, breaks the glass (scope break-glass, purpose of use
 * ETREAT): finds and retrieves the 4MR1 study without consent; patient 4MR1 sees that emergency access in their
 * access log;</li>
 * <li>patient 1CT1 reads their access log and sees clinician-b's search and retrieval;</li>
 * <li>a request without a token gets 401 problem+json.</li>
 * </ol>
 */
public final class DemoScenario {

    /** Patient ID (0010,0020) of pydicom's CT_small.dcm: the patient who consents. */
    public static final String CONSENTING_PATIENT = "1CT1";
    /** Patient ID of pydicom's MR_small.dcm: the patient without consent. */
    public static final String OTHER_PATIENT = "4MR1";
    /** Patient ID of the CR and CT studies of pydicom's DICOMDIR test tree, held by the DIMSE-only archive. */
    public static final String LEGACY_PATIENT = "77654033";
    /** Source id of the DIMSE-only archive in the registry's configuration. */
    public static final String LEGACY_SOURCE = "hospital-a-legacy";

    private static final String WADO_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    private final DemoConfig config;
    private final PrintStream out;
    private final ApiClient api = new ApiClient();
    private final Tokens tokens;
    private final DemoPacs pacs;
    private final DemoPacs legacyPacs;
    private final List<String> checks = new ArrayList<>();
    private String step = "start";

    /**
     * @param config where the platform and peers are
     * @param out    where progress lines go
     */
    public DemoScenario(DemoConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.tokens = new Tokens(config.keycloakUrl());
        this.pacs = new DemoPacs(api, config.pacsUrl(), config.pacsUser(), config.pacsPassword());
        this.legacyPacs = new DemoPacs(api, config.legacyPacsUrl(), config.pacsUser(), config.pacsPassword());
    }

    /** Runs the scenario against the local platform and exits 0 only if every check held. */
    public static void main(String[] args) {
        ScenarioResult result = new DemoScenario(DemoConfig.fromEnvironment(), System.out).run();
        System.out.println(result.summary());
        System.exit(result.passed() ? 0 : 1);
    }

    /** @return the checks that held and the first failure, if any; never throws */
    public ScenarioResult run() {
        try {
            String ctStudy = pacs.studyOf(CONSENTING_PATIENT);
            String mrStudy = pacs.studyOf(OTHER_PATIENT);
            crawl();
            cStore(ctStudy);
            String reportId = postReport(ctStudy);
            consentAndSearch(ctStudy, reportId);
            retrieve(ctStudy);
            dimseOnlyArchive(legacyPacs.studyOf(LEGACY_PATIENT));
            withoutConsent(mrStudy);
            breakGlass(mrStudy);
            accessLog(ctStudy);
            withoutToken();
            return new ScenarioResult(List.copyOf(checks), null);
        } catch (ScenarioFailure e) {
            return new ScenarioResult(List.copyOf(checks), e.getMessage());
        } catch (RuntimeException e) {
            return new ScenarioResult(List.copyOf(checks), step + ": " + e);
        }
    }

    private void crawl() {
        step = "step 1 (crawl the demo PACS)";
        DemoPacs.Counts expected = pacs.counts();
        HttpResponse<String> crawl = api.send("POST", config.platformUrl() + "/registry/api/crawls",
                ApiClient.bearer(tokens.token("exchange-platform")), "application/json", "{\"source\":\"hospital-a\"}",
                "application/json");
        check("registry crawl of the demo PACS answers 200", crawl.statusCode() == 200, () -> status(crawl));
        JsonObject result = ApiClient.json(crawl.body()).asJsonArray().getJsonObject(0);
        DemoPacs.Counts indexed = new DemoPacs.Counts(result.getJsonNumber("studies").longValue(),
                result.getJsonNumber("series").longValue(), result.getJsonNumber("instances").longValue());
        check("registry indexes what the PACS holds: " + expected, indexed.equals(expected),
                () -> "registry indexed " + indexed + ", PACS holds " + expected);
        JsonArray own = qido("hospital-a", "limit=1000");
        long ownInstances = 0;
        for (JsonValue v : own) {
            ownInstances += Long.parseLong(FhirJson.dicomValue(v.asJsonObject(), TagFromName.NumberOfStudyRelatedInstances));
        }
        long listed = ownInstances;
        // Studies without a Patient ID cannot be consented to and are never listed, not even to the custodian.
        check("the custodian hospital-a lists its studies by QIDO-RS (" + own.size() + " studies with a Patient ID)",
                !own.isEmpty() && own.size() <= expected.studies() && listed <= expected.instances(),
                () -> "QIDO-RS listed " + own.size() + " studies / " + listed + " instances, PACS holds " + expected);
    }

    private void cStore(String ctStudy) {
        step = "step 1b (the demo PACS sends the CT study to the platform's AE by C-STORE)";
        JsonObject sent = pacs.sendByCStore(ctStudy, config.platformAeTitle(), config.platformDicomPort());
        check("the PACS (AE HOSPITAL_A) stores the CT study at AE " + config.platformAeTitle() + " by DIMSE C-STORE",
                sent.getInt("FailedInstancesCount", -1) == 0 && sent.getInt("InstancesCount", 0) > 0, sent::toString);
        JsonArray found = qido("hospital-a", "StudyInstanceUID=" + ctStudy);
        check("the study is one record after the crawl and the C-STORE", found.size() == 1, found::toString);
    }

    private String postReport(String ctStudy) {
        step = "step 2 (hospital-a posts the imaging report)";
        String hospitalA = ApiClient.bearer(tokens.token("hospital-a"));
        HttpResponse<String> created = api.send("POST", config.gatewayUrl() + "/fhir/DiagnosticReport", hospitalA,
                "application/fhir+json", DemoReports.ctReport(CONSENTING_PATIENT, ctStudy, true), "application/fhir+json");
        check("valid report is stored (201)", created.statusCode() == 201, () -> status(created));
        String id = ApiClient.json(created.body()).asJsonObject().getString("id");
        String location = created.headers().firstValue("Location").orElse("");
        HttpResponse<String> version = api.send("GET", location, hospitalA, null, null, "application/fhir+json");
        check("the stored version is readable at the public Location the create answered",
                location.startsWith(config.gatewayUrl() + "/fhir/DiagnosticReport/" + id) && version.statusCode() == 200,
                () -> "Location '" + location + "': " + status(version));
        HttpResponse<String> invalid = api.send("POST", config.gatewayUrl() + "/fhir/DiagnosticReport", hospitalA,
                "application/fhir+json", DemoReports.ctReport(CONSENTING_PATIENT, ctStudy, false), "application/fhir+json");
        check("report without impression (eHN A.5.5) is refused with 422",
                invalid.statusCode() == 422 && invalid.body().contains("A.5.5"), () -> status(invalid));
        return id;
    }

    private void consentAndSearch(String ctStudy, String reportId) {
        step = "step 3 (consent, then cross-border search by clinician-b)";
        HttpResponse<String> consent = api.send("POST", config.gatewayUrl() + "/fhir/Consent",
                ApiClient.bearer(tokens.token("patient-1ct1")), "application/fhir+json",
                DemoReports.sharingConsent(CONSENTING_PATIENT), "application/fhir+json");
        check("patient 1CT1 records consent to sharing (201)", consent.statusCode() == 201, () -> status(consent));
        JsonArray found = qido("clinician-b", "PatientID=" + CONSENTING_PATIENT);
        check("clinician-b (BE) finds the CT study of 1CT1 by QIDO-RS", found.size() == 1
                && ctStudy.equals(FhirJson.dicomValue(found.getJsonObject(0), TagFromName.StudyInstanceUID)),
                () -> "QIDO-RS answered " + found);
        String clinicianB = ApiClient.bearer(tokens.token("clinician-b"));
        HttpResponse<String> reports = api.send("GET", config.gatewayUrl() + "/fhir/DiagnosticReport?patient:identifier="
                + CONSENTING_PATIENT, clinicianB, null, null, "application/fhir+json");
        check("clinician-b finds the report of 1CT1 via FHIR", reports.statusCode() == 200
                && FhirJson.resources(ApiClient.json(reports.body()).asJsonObject()).stream()
                .anyMatch(r -> reportId.equals(r.getString("id", ""))), () -> status(reports));
        String fullUrl = FhirJson.fullUrl(ApiClient.json(reports.body()).asJsonObject(), reportId);
        String publicReports = config.gatewayUrl() + "/fhir/DiagnosticReport/";
        check("the report's fullUrl is its public gateway URL", fullUrl.startsWith(publicReports),
                () -> "fullUrl '" + fullUrl + "', expected under " + publicReports);
        HttpResponse<String> read = api.send("GET", fullUrl, clinicianB, null, null, "application/fhir+json");
        check("clinician-b reads the report at its fullUrl (200)", read.statusCode() == 200, () -> status(read));
    }

    private void retrieve(String ctStudy) {
        step = "step 4 (clinician-b retrieves the study by WADO-RS)";
        Map<String, Long> expected = new TreeMap<>(pacs.instanceSizes(ctStudy));
        Map<String, Long> received = retrieveParts(ctStudy, "clinician-b", false,
                "WADO-RS through gateway and retrieval proxy answers 200 multipart/related");
        check("SOP Instance UIDs and byte counts received equal the PACS's " + expected, received.equals(expected),
                () -> "received " + received + ", PACS holds " + expected);
    }

    private void dimseOnlyArchive(String legacyStudy) {
        step = "step 4b (hospital-a's DIMSE-only archive LEGACY_PACS: crawled by C-FIND, retrieved by C-GET)";
        DemoPacs.Counts expected = legacyPacs.counts();
        HttpResponse<String> crawl = api.send("POST", config.platformUrl() + "/registry/api/crawls",
                ApiClient.bearer(tokens.token("exchange-platform")), "application/json",
                "{\"source\":\"" + LEGACY_SOURCE + "\"}", "application/json");
        check("registry crawl of the DIMSE-only archive (C-FIND) answers 200", crawl.statusCode() == 200,
                () -> status(crawl));
        JsonObject result = ApiClient.json(crawl.body()).asJsonArray().getJsonObject(0);
        DemoPacs.Counts indexed = new DemoPacs.Counts(result.getJsonNumber("studies").longValue(),
                result.getJsonNumber("series").longValue(), result.getJsonNumber("instances").longValue());
        check("registry indexes what the DIMSE-only archive holds: " + expected, indexed.equals(expected),
                () -> "registry indexed " + indexed + ", archive holds " + expected);
        JsonArray found = qido("radiologist-a", "PatientID=" + LEGACY_PATIENT + "&StudyInstanceUID=" + legacyStudy);
        check("radiologist-a (hospital-a) finds the DIMSE-only archive's study of " + LEGACY_PATIENT + " by QIDO-RS",
                found.size() == 1, () -> "QIDO-RS answered " + found);
        Map<String, Long> expectedSizes = legacyPacs.dataSetSizes(legacyStudy);
        Map<String, Long> received = retrieveParts(legacyStudy, "radiologist-a", true,
                "WADO-RS of the DIMSE-only archive's study (C-GET behind the proxy) answers 200");
        check("SOP Instance UIDs and data set byte counts received equal the DIMSE-only archive's " + expectedSizes,
                received.equals(expectedSizes), () -> "received " + received + ", archive holds " + expectedSizes);
    }

    private void withoutConsent(String mrStudy) {
        step = "step 5 (patient 4MR1 has not consented; opt-in region)";
        JsonArray found = qido("clinician-b", "PatientID=" + OTHER_PATIENT);
        check("clinician-b's search for 4MR1 returns nothing", found.isEmpty(), () -> "QIDO-RS answered " + found);
        HttpResponse<String> wado = api.send("GET", config.gatewayUrl() + "/dicomweb/studies/" + mrStudy,
                ApiClient.bearer(tokens.token("clinician-b")), null, null, WADO_ACCEPT);
        check("clinician-b's retrieval of the 4MR1 study answers 404 like an unknown study", wado.statusCode() == 404,
                () -> status(wado));
        JsonArray custodian = qido("hospital-a", "PatientID=" + OTHER_PATIENT);
        check("the custodian hospital-a still sees its own 4MR1 study", custodian.size() == 1,
                () -> "QIDO-RS answered " + custodian);
    }

    private void breakGlass(String mrStudy) {
        step = "step 5b (clinician-b breaks the glass for 4MR1 in an emergency)";
        String emergency = "clinician-b+break-glass";
        check("clinician-b (role emergency-access) gets a token with purpose of use ETREAT by asking for scope break-glass",
                "ETREAT".equals(Tokens.claims(tokens.token(emergency)).getString("purpose_of_use", "")),
                () -> "claims " + Tokens.claims(tokens.token(emergency)));
        check("radiologist-a (no emergency-access role) asking for break-glass gets no ETREAT token",
                !"ETREAT".equals(Tokens.claims(tokens.token("radiologist-a+break-glass")).getString("purpose_of_use", "")),
                () -> "claims " + Tokens.claims(tokens.token("radiologist-a+break-glass")));
        JsonArray found = qido(emergency, "PatientID=" + OTHER_PATIENT);
        check("breaking the glass, clinician-b finds the 4MR1 study without consent (emergency override)",
                found.size() == 1 && mrStudy.equals(FhirJson.dicomValue(found.getJsonObject(0), TagFromName.StudyInstanceUID)),
                () -> "QIDO-RS answered " + found);
        Map<String, Long> expected = new TreeMap<>(pacs.instanceSizes(mrStudy));
        Map<String, Long> received = retrieveParts(mrStudy, emergency, false,
                "breaking the glass, clinician-b retrieves the 4MR1 study (200)");
        check("the emergency retrieval's SOP Instance UIDs and byte counts equal the PACS's", received.equals(expected),
                () -> "received " + received + ", PACS holds " + expected);
        List<JsonObject> shown = accessLogOf("patient-4mr1",
                e -> FhirJson.strings(e).contains("clinician-b") && FhirJson.strings(e).contains("ETREAT"),
                events -> hasAction(events, "E", mrStudy) && hasAction(events, "R", mrStudy));
        check("patient 4MR1 sees clinician-b's emergency access (purpose of use ETREAT) in their access log",
                hasAction(shown, "E", mrStudy) && hasAction(shown, "R", mrStudy), () -> "emergency events: " + shown);
    }

    private void accessLog(String ctStudy) {
        step = "step 6 (patient 1CT1 reads their access log)";
        String patient = ApiClient.bearer(tokens.token("patient-1ct1"));
        List<JsonObject> events = accessLogOf("patient-1ct1", e -> FhirJson.strings(e).contains("clinician-b"),
                byClinician -> hasAction(byClinician, "E", ctStudy)
                        && hasAction(withoutReports(byClinician), "R", ctStudy));
        check("the log shows clinician-b's search (when, who, what)", hasAction(events, "E", ctStudy),
                () -> "events by clinician-b: " + events);
        check("the log shows clinician-b's retrieval of the study", hasAction(withoutReports(events), "R", ctStudy),
                () -> "events by clinician-b: " + events);
        check("each of those events says when it happened", events.stream().allMatch(e -> e.containsKey("recorded")),
                () -> "events: " + events);
        HttpResponse<String> other = api.send("GET", config.gatewayUrl() + "/fhir/AuditEvent?patient:identifier="
                + OTHER_PATIENT, patient, null, null, "application/fhir+json");
        check("a patient cannot read another patient's log (403)", other.statusCode() == 403, () -> status(other));
    }

    private void withoutToken() {
        step = "step 7 (no token)";
        HttpResponse<String> anonymous = api.send("GET", config.gatewayUrl() + "/dicomweb/studies", null, null, null,
                "application/dicom+json");
        check("a request without a token gets 401 problem+json", anonymous.statusCode() == 401
                && anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> status(anonymous));
    }

    /**
     * Retrieves a study by WADO-RS through the gateway.
     *
     * @param studyUid  the Study Instance UID
     * @param who       the identity whose token is used (as for {@link Tokens#token})
     * @param dataSets  true to count data set bytes (without preamble and File Meta), false whole parts
     * @param checkName the check that the answer is 200
     * @return SOP Instance UID to byte count, sorted
     */
    private Map<String, Long> retrieveParts(String studyUid, String who, boolean dataSets, String checkName) {
        HttpResponse<InputStream> wado = api.stream(config.gatewayUrl() + "/dicomweb/studies/" + studyUid,
                ApiClient.bearer(tokens.token(who)), WADO_ACCEPT);
        Map<String, Long> received = new TreeMap<>();
        try (InputStream body = wado.body()) {
            check(checkName, wado.statusCode() == 200, () -> "HTTP " + wado.statusCode());
            WadoRsParts.read(body, wado.headers().firstValue("Content-Type").orElse(""))
                    .forEach(p -> received.put(p.sopInstanceUid(), dataSets ? p.dataSetBytes() : p.bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received;
    }

    /**
     * Reads a patient's access log until the wanted events are there or the audit wait has passed.
     *
     * @param patientUser the patient's user name
     * @param keep        which events to keep
     * @param complete    true when the kept events are all that is awaited
     * @return the kept events of the last read
     */
    private List<JsonObject> accessLogOf(String patientUser, java.util.function.Predicate<JsonObject> keep,
                                         java.util.function.Predicate<List<JsonObject>> complete) {
        String patient = ApiClient.bearer(tokens.token(patientUser));
        long deadline = System.currentTimeMillis() + config.auditWaitMillis();
        List<JsonObject> kept;
        do {
            HttpResponse<String> log = api.send("GET", config.gatewayUrl() + "/fhir/AuditEvent?_count=500", patient,
                    null, null, "application/fhir+json");
            check("the access log of " + patientUser + " answers 200", log.statusCode() == 200, () -> status(log));
            kept = FhirJson.resources(ApiClient.json(log.body()).asJsonObject()).stream().filter(keep).toList();
            if (complete.test(kept)) {
                break;
            }
            pause();
        } while (System.currentTimeMillis() < deadline);
        return kept;
    }

    /** @return the events that touched no DiagnosticReport (a report read also names its study) */
    private static List<JsonObject> withoutReports(List<JsonObject> events) {
        return events.stream().filter(e -> !FhirJson.strings(e).contains("DiagnosticReport")).toList();
    }

    private static boolean hasAction(List<JsonObject> events, String action, String studyUid) {
        return events.stream().anyMatch(e -> action.equals(e.getString("action", ""))
                && FhirJson.strings(e).stream().anyMatch(s -> s.contains(studyUid)));
    }

    private JsonArray qido(String who, String query) {
        HttpResponse<String> r = api.send("GET", config.gatewayUrl() + "/dicomweb/studies?" + query,
                ApiClient.bearer(tokens.token(who)), null, null, "application/dicom+json");
        if (r.statusCode() == 204) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        check("QIDO-RS as " + who + " (" + query + ") answers 200", r.statusCode() == 200, () -> status(r));
        return ApiClient.json(r.body()).asJsonArray();
    }

    private void check(String name, boolean held, Supplier<String> detail) {
        if (!held) {
            throw new ScenarioFailure(step + ": " + name + ": " + detail.get());
        }
        if (!checks.contains(name)) {
            checks.add(name);
            out.println("  ok  " + name);
        }
    }

    private static String status(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        return "HTTP " + r.statusCode() + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
