package org.imagingexchange.registry.integration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.DicomAttribute;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchiveResponseException;
import org.imagingexchange.registry.domain.SourceArchiveUnavailableException;
import org.imagingexchange.registry.domain.Study;

/**
 * {@link SourceArchive} over QIDO-RS (PS3.18 §10.6): {@code GET {qido}/studies}, {@code /studies/{uid}/series},
 * {@code /studies/{uid}/series/{uid}/instances}, each with {@code includefield} for the eHN B attributes
 * and paged by {@code limit}/{@code offset} until a short page. Remote statuses are mapped here, once:
 * unreachable becomes 503, 401/403 and other non-2xx or non-DICOM-JSON answers 502.
 *
 * <p>Orthanc notes: query strings are sent unencoded (keywords and UIDs need no encoding, and Orthanc
 * 1.10 does not decode percent-encoding); it closes the connection after each answer, so a GET that
 * fails on a reused connection is retried once. Thread-safe.
 */
public class QidoRsSourceArchive implements SourceArchive {

    static final int PAGE_SIZE = 100;
    private static final String DICOM_JSON = "application/dicom+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final List<DicomAttribute> STUDY_FIELDS = List.of(DicomAttribute.STUDY_DATE,
            DicomAttribute.STUDY_TIME, DicomAttribute.ACCESSION_NUMBER, DicomAttribute.MODALITIES_IN_STUDY,
            DicomAttribute.REFERRING_PHYSICIAN_NAME, DicomAttribute.PATIENT_NAME, DicomAttribute.PATIENT_ID,
            DicomAttribute.ISSUER_OF_PATIENT_ID, DicomAttribute.PATIENT_BIRTH_DATE, DicomAttribute.PATIENT_SEX,
            DicomAttribute.STUDY_ID, DicomAttribute.STUDY_DESCRIPTION);
    private static final List<DicomAttribute> SERIES_FIELDS = List.of(DicomAttribute.MODALITY,
            DicomAttribute.SERIES_NUMBER, DicomAttribute.SERIES_DESCRIPTION, DicomAttribute.BODY_PART_EXAMINED);
    private static final List<DicomAttribute> INSTANCE_FIELDS = List.of(DicomAttribute.SOP_CLASS_UID,
            DicomAttribute.INSTANCE_NUMBER, DicomAttribute.NUMBER_OF_FRAMES);

    private final SourceSettings settings;
    private final HttpClient http;
    private final String authorization;

    /**
     * @param settings the source's configuration
     * @param http     shared HTTP client (HTTP/1.1)
     */
    public QidoRsSourceArchive(SourceSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.authorization = settings.username().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String organizationId() {
        return settings.organizationId();
    }

    @Override
    public String wadoRsBaseUrl() {
        return settings.wadoUrl();
    }

    @Override
    public String aeTitle() {
        return settings.aeTitle();
    }

    @Override
    public List<Study> studies() {
        return paged("/studies", STUDY_FIELDS, DicomJsonParser::studies, Study::studyInstanceUid);
    }

    @Override
    public List<Series> series(String studyInstanceUid) {
        return paged("/studies/" + studyInstanceUid + "/series", SERIES_FIELDS, DicomJsonParser::series,
                Series::seriesInstanceUid);
    }

    @Override
    public List<Instance> instances(String studyInstanceUid, String seriesInstanceUid) {
        return paged("/studies/" + studyInstanceUid + "/series/" + seriesInstanceUid + "/instances", INSTANCE_FIELDS,
                DicomJsonParser::instances, Instance::sopInstanceUid);
    }

    /**
     * Reads every page; de-duplicates by UID and stops on a short page or a page with nothing new (an
     * archive that ignores {@code offset} would otherwise be read forever).
     */
    private <T> List<T> paged(String path, List<DicomAttribute> fields, Function<JsonArray, List<T>> parse,
                              Function<T, String> uid) {
        String include = fields.stream().map(f -> "includefield=" + f.keyword()).collect(Collectors.joining("&"));
        Map<String, T> all = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            String url = settings.qidoUrl() + path + "?" + include + "&limit=" + PAGE_SIZE + "&offset=" + offset;
            List<T> page = parse(url, parse);
            int before = all.size();
            page.forEach(item -> all.putIfAbsent(uid.apply(item), item));
            if (page.size() < PAGE_SIZE || all.size() == before) {
                return new ArrayList<>(all.values());
            }
            offset += page.size();
        }
    }

    private <T> List<T> parse(String url, Function<JsonArray, List<T>> parse) {
        String body = get(url);
        if (body.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new MalformedDicomJsonException("the answer is not a JSON array");
            }
            return parse.apply(value.asJsonArray());
        } catch (JsonException | MalformedDicomJsonException e) {
            throw new SourceArchiveResponseException("Source " + id() + ": GET " + url
                    + " did not answer DICOM JSON: " + e.getMessage(), e);
        }
    }

    private String get(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", DICOM_JSON + ", application/json").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        HttpResponse<String> response = send(request, url);
        int status = response.statusCode();
        if (status == 204) {
            return "";
        }
        if (status == 401 || status == 403) {
            throw new SourceArchiveResponseException("Source " + id() + " refused the registry's credentials: GET "
                    + url + " answered HTTP " + status, null);
        }
        if (status / 100 != 2) {
            throw new SourceArchiveResponseException("Source " + id() + ": GET " + url + " answered HTTP " + status, null);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request, String url) {
        IOException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceArchiveUnavailableException("Interrupted while reading source " + id(), e);
            }
        }
        throw new SourceArchiveUnavailableException("Source " + id() + " unreachable: GET " + url + " failed: "
                + Stream.of(last.getClass().getSimpleName(), last.getMessage()).filter(s -> s != null).collect(Collectors.joining(" ")),
                last);
    }
}
