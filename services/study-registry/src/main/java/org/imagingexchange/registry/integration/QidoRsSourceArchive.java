package org.imagingexchange.registry.integration;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.SourceArchiveResponseException;
import org.imagingexchange.registry.domain.SourceArchiveUnavailableException;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;

/**
 * {@link SourceArchive} over QIDO-RS (PS3.18 §10.6): {@code GET {qido}/studies}, {@code /studies/{uid}/series},
 * {@code /studies/{uid}/instances} (one query gives a study's series and instances) or {@code /instances} with a
 * Study Instance UID list for several studies at once, each with
 * {@code includefield} for the eHN B attributes and paged by {@code limit}/{@code offset}. Remote statuses are mapped here, once:
 * unreachable becomes 503, 401/403 and other non-2xx or non-DICOM-JSON answers 502.
 *
 * <p>Orthanc notes: query strings are sent unencoded (keywords and UIDs need no encoding, and Orthanc
 * 1.10 does not decode percent-encoding); it closes the connection after each answer, so a GET that
 * fails on a reused connection is retried once. Thread-safe.
 */
public class QidoRsSourceArchive extends ConfiguredArchive {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    /** Instances asked for per page of a study's contents. */
    static final int CONTENT_PAGE_SIZE = 1000;
    private static final String DICOM_JSON = "application/dicom+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final List<DicomAttribute> STUDY_FIELDS = List.of(DicomAttribute.STUDY_DATE,
            DicomAttribute.STUDY_TIME, DicomAttribute.ACCESSION_NUMBER, DicomAttribute.MODALITIES_IN_STUDY,
            DicomAttribute.REFERRING_PHYSICIAN_NAME, DicomAttribute.PATIENT_NAME, DicomAttribute.PATIENT_ID,
            DicomAttribute.ISSUER_OF_PATIENT_ID, DicomAttribute.PATIENT_BIRTH_DATE, DicomAttribute.PATIENT_SEX,
            DicomAttribute.STUDY_ID, DicomAttribute.STUDY_DESCRIPTION, DicomAttribute.INSTITUTION_NAME,
            DicomAttribute.NUMBER_OF_STUDY_RELATED_SERIES, DicomAttribute.NUMBER_OF_STUDY_RELATED_INSTANCES);
    private static final List<DicomAttribute> CONTENT_FIELDS = List.of(DicomAttribute.SERIES_INSTANCE_UID,
            DicomAttribute.MODALITY, DicomAttribute.SERIES_NUMBER, DicomAttribute.SERIES_DESCRIPTION,
            DicomAttribute.BODY_PART_EXAMINED, DicomAttribute.SOP_CLASS_UID, DicomAttribute.INSTANCE_NUMBER,
            DicomAttribute.NUMBER_OF_FRAMES);

    private final HttpClient http;
    private final String authorization;

    /**
     * @param settings the source's configuration
     * @param http     shared HTTP client (HTTP/1.1)
     */
    public QidoRsSourceArchive(SourceSettings settings, HttpClient http) {
        super(settings);
        this.http = http;
        this.authorization = settings.username().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }



    @Override
    public String wadoRsBaseUrl() {
        return settings.wadoUrl();
    }


    /** @return the QIDO-RS base URL; empty for a source that only sends by C-STORE */
    String qidoUrl() {
        return settings.qidoUrl();
    }


    @Override
    public List<Study> studies(int offset, int limit) {
        return parse(url("/studies", STUDY_FIELDS, offset, limit), DicomJsonParser::studies);
    }

    /**
     * One instance-level query within the study (it carries each instance's series attributes), paged
     * until a short page; instances already seen are not added twice.
     */
    @Override
    public List<StudyManifest.SeriesManifest> contents(String studyInstanceUid) {
        Map<String, StudyManifest.SeriesManifest> bySeries = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int offset = 0;
        while (true) {
            JsonArray page = parse(url("/studies/" + studyInstanceUid + "/instances", CONTENT_FIELDS, offset,
                    CONTENT_PAGE_SIZE), a -> a);
            int before = seen.size();
            for (StudyManifest.SeriesManifest sm : DicomJsonParser.studyContents(page)) {
                mergeFresh(bySeries, sm, seen);
            }
            if (page.size() < CONTENT_PAGE_SIZE || seen.size() == before) {
                return new ArrayList<>(bySeries.values());
            }
            offset += page.size();
        }
    }

    /**
     * One instance-level query across studies with UID list matching ({@code /instances?StudyInstanceUID=a,b,...},
     * PS3.18 §8.3.4.1, PS3.4 C.2.2.2.2), paged until a short page. Studies the answer does not name (a
     * study gone meanwhile, or an archive without UID list matching) are then read one by one; an answer
     * naming studies that were not asked for (the list was ignored) is dropped and every study read alone.
     */
    @Override
    public Map<String, List<StudyManifest.SeriesManifest>> contents(List<String> studyInstanceUids) {
        if (studyInstanceUids.size() <= 1) {
            return super.contents(studyInstanceUids);
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(studyInstanceUids);
        Map<String, Map<String, StudyManifest.SeriesManifest>> found = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String match = "StudyInstanceUID=" + String.join(",", studyInstanceUids);
        int offset = 0;
        while (true) {
            JsonArray page = parse(url("/instances", match, CONTENT_FIELDS, offset, CONTENT_PAGE_SIZE), a -> a);
            int before = seen.size();
            Map<String, List<StudyManifest.SeriesManifest>> byStudy = DicomJsonParser.contentsByStudy(page);
            if (!wanted.containsAll(byStudy.keySet())) {
                found.clear();
                break;
            }
            byStudy.forEach((uid, series) -> {
                Map<String, StudyManifest.SeriesManifest> into = found.computeIfAbsent(uid, k -> new LinkedHashMap<>());
                for (StudyManifest.SeriesManifest sm : series) {
                    mergeFresh(into, sm, seen);
                }
            });
            if (page.size() < CONTENT_PAGE_SIZE || seen.size() == before) {
                break;
            }
            offset += page.size();
        }
        Map<String, List<StudyManifest.SeriesManifest>> out = new LinkedHashMap<>();
        for (String uid : studyInstanceUids) {
            Map<String, StudyManifest.SeriesManifest> series = found.get(uid);
            out.put(uid, series != null ? new ArrayList<>(series.values()) : contents(uid));
        }
        return out;
    }

    /** Adds a series' instances not seen before (pages of a changing archive may overlap). */
    private static void mergeFresh(Map<String, StudyManifest.SeriesManifest> bySeries, StudyManifest.SeriesManifest sm,
                                   java.util.Set<String> seen) {
        List<Instance> fresh = sm.instances().stream().filter(i -> seen.add(i.sopInstanceUid())).toList();
        bySeries.merge(sm.series().seriesInstanceUid(), new StudyManifest.SeriesManifest(sm.series(), fresh),
                (a, b) -> new StudyManifest.SeriesManifest(a.series(),
                        Stream.concat(a.instances().stream(), b.instances().stream()).toList()));
    }

    private String url(String path, List<DicomAttribute> fields, int offset, int limit) {
        return url(path, "", fields, offset, limit);
    }

    private String url(String path, String match, List<DicomAttribute> fields, int offset, int limit) {
        String include = fields.stream().map(f -> "includefield=" + f.keyword()).collect(Collectors.joining("&"));
        return settings.qidoUrl() + path + "?" + (match.isEmpty() ? "" : match + "&") + include + "&limit=" + limit
                + "&offset=" + offset;
    }

    private <T> T parse(String url, Function<JsonArray, T> parse) {
        String body = get(url);
        if (body.isBlank()) {
            return parse.apply(JsonValue.EMPTY_JSON_ARRAY);
        }
        try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(body))) {
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
