package org.imagingexchange.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.registry.domain.Endpoint;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Paging;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudySearch;
import org.junit.jupiter.api.Test;

class ImagingStudyMapperTest {

    @Test
    void searchset_studyWithSeries_containsEndpointReferencedFromStudyAndSeries() {
        Study header = new Study("1.2.3", "1CT1", "HOSP-A", "Doe^Jane", null, "F", LocalDate.of(2004, 1, 19), "072730",
                "ACC1", null, null, "CT head", null, null, List.of("CT"), List.of(), List.of(), List.of(), 0, 0, null);
        StudyManifest m = StudyManifest.of(header, List.of(new StudyManifest.SeriesManifest(
                new Series("1.2.3.1", "CT", 1, "AXIAL", "HEAD", 0),
                List.of(new Instance("1.2.3.1.1", "1.2.840.10008.5.1.4.1.1.2", 1, null)))), "hospital-a");

        String json = ImagingStudyMapper.searchset(new SearchResult<>(List.of(new StudySearch.LocatedManifest(m,
                List.of(new Endpoint("hospital-a", "http://127.0.0.1:8042/dicom-web")))), true, false), new Paging(0, 1),
                new FhirBase("https://exchange.region.invalid/fhir"), "https://exchange.region.invalid/dicomweb",
                "patient:identifier=HOSP-A%7C1CT1");

        JsonObject bundle = Json.createReader(new StringReader(json)).readObject();
        assertEquals("searchset", bundle.getString("type"));
        assertEquals("https://exchange.region.invalid/fhir/ImagingStudy?patient:identifier=HOSP-A%7C1CT1&_offset=1&_count=1",
                bundle.getJsonArray("link").getJsonObject(1).getString("url"), "next page after consent filtering");
        assertEquals("https://exchange.region.invalid/fhir/ImagingStudy?patient:identifier=HOSP-A%7C1CT1",
                bundle.getJsonArray("link").getJsonObject(0).getString("url"), "self: public base, raw query as sent");
        assertEquals("https://exchange.region.invalid/fhir/ImagingStudy/1.2.3",
                bundle.getJsonArray("entry").getJsonObject(0).getString("fullUrl"), "fullUrl: [public base]/ImagingStudy/[id]");
        JsonObject is = bundle.getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
        assertEquals("ImagingStudy", is.getString("resourceType"));
        assertEquals("urn:oid:1.2.3", is.getJsonArray("identifier").getJsonObject(0).getString("value"));
        assertEquals("1CT1", is.getJsonObject("subject").getJsonObject("identifier").getString("value"));
        assertEquals(1, is.getInt("numberOfSeries"));
        assertEquals(1, is.getInt("numberOfInstances"));
        JsonObject endpoint = is.getJsonArray("contained").getJsonObject(0);
        assertEquals("Endpoint", endpoint.getString("resourceType"));
        assertEquals("dicom-wado-rs", endpoint.getJsonObject("connectionType").getString("code"));
        assertEquals("https://exchange.region.invalid/dicomweb", endpoint.getString("address"),
                "the platform's public WADO-RS base, never the source archive's address");
        String ref = "#" + endpoint.getString("id");
        assertEquals(ref, is.getJsonArray("endpoint").getJsonObject(0).getString("reference"));
        JsonObject series = is.getJsonArray("series").getJsonObject(0);
        assertEquals(ref, series.getJsonArray("endpoint").getJsonObject(0).getString("reference"));
        assertEquals("1.2.3.1.1", series.getJsonArray("instance").getJsonObject(0).getString("uid"));
        assertTrue(json.contains("\"started\""), json);
    }
}
