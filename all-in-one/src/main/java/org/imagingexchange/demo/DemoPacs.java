package org.imagingexchange.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a demo hospital archive (Orthanc REST API) itself holds: the reference the scenario compares
 * the platform's answers against. For the DIMSE-only archive the REST API serves only this reference;
 * the platform reaches it by C-FIND and C-GET.
 */
final class DemoPacs {

    /**
     * Object counts.
     *
     * @param studies   number of studies
     * @param series    number of series
     * @param instances number of instances
     */
    record Counts(long studies, long series, long instances) {
    }

    private final ApiClient api;
    private final String url;
    private final String user;
    private final String password;

    /**
     * @param api      the HTTP client
     * @param url      the archive's Orthanc REST base URL
     * @param user     its HTTP user
     * @param password its HTTP password
     */
    DemoPacs(ApiClient api, String url, String user, String password) {
        this.api = api;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** @return the PACS's own statistics ({@code GET /statistics}) */
    Counts counts() {
        JsonObject stats = getObject("/statistics");
        return new Counts(stats.getJsonNumber("CountStudies").longValue(), stats.getJsonNumber("CountSeries").longValue(),
                stats.getJsonNumber("CountInstances").longValue());
    }

    /**
     * @param studyInstanceUid the study
     * @return SOP Instance UID -> size in bytes of the stored DICOM file, for every instance of the study
     */
    Map<String, Long> instanceSizes(String studyInstanceUid) {
        String lookup = Json.createObjectBuilder().add("Level", "Study")
                .add("Query", Json.createObjectBuilder().add("StudyInstanceUID", studyInstanceUid)).build().toString();
        HttpResponse<String> found = api.send("POST", url + "/tools/find", auth(), "application/json", lookup, null);
        JsonArray ids = ApiClient.json(found.body()).asJsonArray();
        if (ids.isEmpty()) {
            throw new IllegalStateException("the demo PACS does not hold study " + studyInstanceUid);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (JsonValue instance : getArray("/studies/" + ids.getString(0) + "/instances")) {
            JsonObject o = instance.asJsonObject();
            String sop = o.getJsonObject("MainDicomTags").getString("SOPInstanceUID");
            String size = api.send("GET", url + "/instances/" + o.getString("ID") + "/attachments/dicom/size",
                    auth(), null, null, null).body().trim();
            sizes.put(sop, Long.parseLong(size));
        }
        return sizes;
    }

    /**
     * @param studyInstanceUid the study
     * @return SOP Instance UID -> size in bytes of the stored data set (the stored file without its File Meta
     *         Information, which a receiving AE writes itself: PS3.10 §7.1), for every instance of the study
     */
    Map<String, Long> dataSetSizes(String studyInstanceUid) {
        Map<String, Long> sizes = new java.util.TreeMap<>();
        for (JsonValue instance : getArray("/studies/" + studyId(studyInstanceUid) + "/instances")) {
            JsonObject o = instance.asJsonObject();
            byte[] file = api.bytes(url + "/instances/" + o.getString("ID") + "/file", auth());
            sizes.put(o.getJsonObject("MainDicomTags").getString("SOPInstanceUID"),
                    (long) file.length - WadoRsParts.dataSetOffset(file));
        }
        return sizes;
    }

    private String studyId(String studyInstanceUid) {
        String lookup = Json.createObjectBuilder().add("Level", "Study")
                .add("Query", Json.createObjectBuilder().add("StudyInstanceUID", studyInstanceUid)).build().toString();
        JsonArray ids = ApiClient.json(api.send("POST", url + "/tools/find", auth(), "application/json", lookup, null)
                .body()).asJsonArray();
        if (ids.isEmpty()) {
            throw new IllegalStateException("the archive at " + url + " does not hold study " + studyInstanceUid);
        }
        return ids.getString(0);
    }

    /**
     * Makes the PACS send a study by C-STORE (DIMSE) to an AE on 127.0.0.1: the AE is declared in Orthanc
     * ({@code PUT /modalities/{id}}), then {@code POST /modalities/{id}/store} sends the study's instances.
     *
     * @param studyInstanceUid the study
     * @param aeTitle          the called AE title
     * @param port             its port on 127.0.0.1
     * @return Orthanc's answer: instances sent and failed
     */
    JsonObject sendByCStore(String studyInstanceUid, String aeTitle, int port) {
        String modality = Json.createObjectBuilder().add("AET", aeTitle).add("Host", "127.0.0.1").add("Port", port)
                .build().toString();
        api.send("PUT", url + "/modalities/exchange-platform", auth(), "application/json", modality, null);
        String lookup = Json.createObjectBuilder().add("Level", "Study")
                .add("Query", Json.createObjectBuilder().add("StudyInstanceUID", studyInstanceUid)).build().toString();
        String id = ApiClient.json(api.send("POST", url + "/tools/find", auth(), "application/json", lookup,
                null).body()).asJsonArray().getString(0);
        HttpResponse<String> sent;
        try {
            sent = api.send("POST", url + "/modalities/exchange-platform/store", auth(), "text/plain", id,
                    "application/json");
        } catch (java.io.UncheckedIOException closedBeforeAnswer) {
            // Orthanc closes idle keep-alive connections after a second; a POST that met such a connection in the
            // client's pool gets no answer at all and is not retried by the client. Sending the study again is
            // harmless (the registry indexes it as the same record), so the store is tried once more.
            sent = api.send("POST", url + "/modalities/exchange-platform/store", auth(), "text/plain", id,
                    "application/json");
        }
        if (sent.statusCode() != 200) {
            throw new IllegalStateException("the demo PACS could not C-STORE to " + aeTitle + ": HTTP " + sent.statusCode()
                    + " " + sent.body());
        }
        return ApiClient.json(sent.body()).asJsonObject();
    }

    /**
     * @param patientId Patient ID (0010,0020)
     * @return the Study Instance UID of the patient's first study in the PACS
     */
    String studyOf(String patientId) {
        String find = Json.createObjectBuilder().add("Level", "Study").add("Expand", true)
                .add("Query", Json.createObjectBuilder().add("PatientID", patientId)).build().toString();
        JsonArray studies = ApiClient.json(api.send("POST", url + "/tools/find", auth(), "application/json",
                find, null).body()).asJsonArray();
        if (studies.isEmpty()) {
            throw new IllegalStateException("the demo PACS holds no study of patient " + patientId);
        }
        return studies.getJsonObject(0).getJsonObject("MainDicomTags").getString("StudyInstanceUID");
    }

    private JsonObject getObject(String path) {
        return ApiClient.json(api.send("GET", url + path, auth(), null, null, null).body()).asJsonObject();
    }

    private JsonArray getArray(String path) {
        return ApiClient.json(api.send("GET", url + path, auth(), null, null, null).body()).asJsonArray();
    }

    private String auth() {
        return ApiClient.basic(user, password);
    }
}
